package org.fieldsupport.logistics.webhooks;

import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import org.fieldsupport.chassis.problem.Problem;

/**
 * A webhook whose signature does not verify is a 401 problem, and one this instance cannot verify (no secret) a 503;
 * nothing of the request is echoed.
 */
public class WebhookProblems {

    @ServerExceptionMapper
    public Response invalidSignature(WebhookSignature.InvalidSignature e, UriInfo uri) {
        return Response.status(401).type(Problem.MEDIA_TYPE).entity(new Problem(Problem.TYPE_BASE
                + "invalid-signature", "Invalid signature", 401, "The X-Signature header is missing or does not "
                + "match the body (sha256=<hex HMAC-SHA256 of the raw body>).", uri.getPath(), null, null)).build();
    }

    @ServerExceptionMapper
    public Response notConfigured(WebhookSignature.NotConfigured e, UriInfo uri) {
        return Response.status(503).type(Problem.MEDIA_TYPE).entity(new Problem(Problem.TYPE_BASE
                + "webhooks-not-configured", "Webhooks not configured", 503, "This instance has no webhook secret "
                + "(logistics.webhook.secret-file); nothing was recorded.", uri.getPath(), null, null)).build();
    }
}
