package org.fieldsupport.survey.answers;

import java.time.Clock;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import jakarta.annotation.security.PermitAll;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;

import org.fieldsupport.chassis.problem.Problem;
import org.fieldsupport.survey.web.Html;

/**
 * The employee's survey, reached by the one-time link: an accessible French form (GET), its answer as a form post
 * (the page) or as JSON {@code {rating, comment?}} (DESIGN §8). The link is the credential, so no token is asked.
 */
@Path("/surveys/{token}")
@PermitAll
public class SurveyFormResource {

    static final String[] SCALE = { "Pas du tout satisfait(e)", "Peu satisfait(e)", "Moyennement satisfait(e)",
            "Satisfait(e)", "Très satisfait(e)" };
    static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.FRENCH);

    @Inject
    Answers answers;

    @Inject
    Clock clock;

    /** The JSON answer: {@code rating} for a per-intervention survey, {@code ratings} for a campaign's questions. */
    public record AnswerRequest(Integer rating, List<Integer> ratings, String comment) {
    }

    @GET
    @Produces(MediaType.TEXT_HTML)
    @Operation(summary = "The survey form (HTML, French)")
    public Response form(@PathParam("token") String token) {
        try {
            Answers.OpenSurvey survey = answers.open(token, clock.instant());
            return Html.respond(200, formPage(survey, null, null));
        } catch (SurveyRefused refused) {
            return refusedPage(refused);
        }
    }

    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Produces(MediaType.TEXT_HTML)
    @Operation(summary = "Answer from the HTML form; shows the thank-you page")
    public Response submitForm(@PathParam("token") String token, MultivaluedMap<String, String> form) {
        String comment = form.getFirst("comment");
        try {
            Answers.OpenSurvey survey = answers.open(token, clock.instant());
            List<Integer> ratings = new ArrayList<>();
            for (int i = 1; i <= survey.questions().size(); i++) {
                ratings.add(parseRating(form.getFirst(fieldName(i, survey.questions().size()))));
            }
            try {
                answers.answer(token, ratings, comment, clock.instant());
            } catch (SurveyRefused invalid) {
                if (invalid.reason() != SurveyRefused.Reason.INVALID_ANSWER) {
                    throw invalid;
                }
                return Html.respond(400, formPage(survey, invalid.getMessage(), comment));
            }
            return Html.respond(200, Html.page("fr", "Merci pour votre réponse",
                    "<h1>Merci pour votre réponse</h1><p>Votre avis a bien été enregistré. Il sera lu sans votre nom "
                            + "par les responsables du pilote, pour améliorer l’assistance informatique.</p>"
                            + "<p class=\"note\">Vous pouvez fermer cette page.</p>"));
        } catch (SurveyRefused refused) {
            return refusedPage(refused);
        }
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Answer as JSON {rating: 1..5, comment?}")
    public Response submitJson(@PathParam("token") String token, AnswerRequest request) {
        if (request == null) {
            return problem(SurveyRefused.Reason.INVALID_ANSWER, "A JSON body {rating, comment?} is required.");
        }
        List<Integer> ratings = request.ratings() != null ? request.ratings()
                : request.rating() == null ? null : List.of(request.rating());
        try {
            SurveyAnswer answer = answers.answer(token, ratings, request.comment(), clock.instant());
            return Response.ok(new Recorded("recorded", answer.rating, answer.ratingList())).build();
        } catch (SurveyRefused refused) {
            return problem(refused.reason(), switch (refused.reason()) {
                case UNKNOWN -> "No survey has this link.";
                case EXPIRED -> "This survey link has expired.";
                case ALREADY_ANSWERED -> "This survey has already been answered.";
                case NOT_OPEN_YET -> "This survey is not open yet.";
                case INVALID_ANSWER -> "rating must be an integer from 1 to 5 (one per question); comment at most "
                        + Answers.MAX_COMMENT + " characters.";
            });
        }
    }

    /** The JSON acknowledgement. */
    public record Recorded(String status, int rating, List<Integer> ratings) {
    }

    private static Response problem(SurveyRefused.Reason reason, String detail) {
        String slug = reason.name().toLowerCase(Locale.ROOT).replace('_', '-');
        return Response.status(reason.status).type(Problem.MEDIA_TYPE)
                .entity(new Problem(Problem.TYPE_BASE + "survey-" + slug, titleOf(reason), reason.status, detail,
                        null, null, null))
                .build();
    }

    private static String titleOf(SurveyRefused.Reason reason) {
        return switch (reason) {
            case UNKNOWN -> "Unknown survey link";
            case EXPIRED -> "Survey link expired";
            case ALREADY_ANSWERED -> "Survey already answered";
            case NOT_OPEN_YET -> "Survey not open yet";
            case INVALID_ANSWER -> "Invalid answer";
        };
    }

    private static Integer parseRating(String value) {
        if (value == null || !value.matches("[1-5]")) {
            return null;
        }
        return Integer.valueOf(value);
    }

    static String fieldName(int question, int questions) {
        return questions == 1 ? "rating" : "q" + question;
    }

    private String formPage(Answers.OpenSurvey survey, String error, String comment) {
        StringBuilder body = new StringBuilder();
        body.append("<h1>").append(Html.escape(survey.title())).append("</h1>");
        body.append("<p>Votre réponse nous aide à juger la nouvelle organisation de l’assistance informatique. "
                + "Elle prend une minute. Les responsables du pilote lisent les réponses sans votre nom.</p>");
        if (error != null) {
            body.append("<p class=\"alert\" role=\"alert\" id=\"form-error\">").append(Html.escape(error))
                    .append("</p>");
        }
        body.append("<form method=\"post\" accept-charset=\"UTF-8\">");
        int n = survey.questions().size();
        for (int q = 1; q <= n; q++) {
            String name = fieldName(q, n);
            body.append("<fieldset><legend>").append(Html.escape(survey.questions().get(q - 1)))
                    .append(" <span class=\"note\">(note de 1 à 5, obligatoire)</span></legend><div class=\"scale\">");
            for (int r = 1; r <= 5; r++) {
                String id = name + "-" + r;
                body.append("<label for=\"").append(id).append("\"><input type=\"radio\" required name=\"")
                        .append(name).append("\" id=\"").append(id).append("\" value=\"").append(r).append("\"><span>")
                        .append(r).append(" – ").append(SCALE[r - 1]).append("</span></label>");
            }
            body.append("</div></fieldset>");
        }
        body.append("<p><label for=\"comment\">Commentaire (facultatif)</label><br>")
                .append("<textarea id=\"comment\" name=\"comment\" rows=\"5\" maxlength=\"").append(Answers.MAX_COMMENT)
                .append("\" aria-describedby=\"comment-help\">").append(Html.escape(comment)).append("</textarea></p>")
                .append("<p class=\"note\" id=\"comment-help\">N’écrivez pas de données personnelles (nom, téléphone, "
                        + "adresse). ")
                .append(Answers.MAX_COMMENT).append(" caractères au plus.</p>")
                .append("<button type=\"submit\">Envoyer mon avis</button></form>")
                .append("<p class=\"note\">Ce lien personnel ne sert qu’une fois ; il est valable jusqu’au ")
                .append(DATE.format(survey.expiresAt().atZone(ZoneId.of("Europe/Paris")))).append(".</p>");
        return Html.page("fr", survey.title(), body.toString());
    }

    private static Response refusedPage(SurveyRefused refused) {
        String title;
        String text;
        switch (refused.reason()) {
            case EXPIRED -> {
                title = "Ce lien a expiré";
                text = "Le délai pour répondre à cette enquête est dépassé. Merci de votre intérêt.";
            }
            case ALREADY_ANSWERED -> {
                title = "Vous avez déjà répondu";
                text = "Une réponse a déjà été enregistrée avec ce lien, qui ne sert qu’une fois. Merci !";
            }
            case NOT_OPEN_YET -> {
                title = "Cette enquête n’est pas encore ouverte";
                text = "Revenez à partir de la date d’ouverture indiquée dans votre message.";
            }
            default -> {
                title = "Lien d’enquête inconnu";
                text = "Ce lien ne correspond à aucune enquête. Vérifiez qu’il a été copié en entier depuis votre "
                        + "message.";
            }
        }
        return Html.respond(refused.reason().status,
                Html.page("fr", title, "<h1>" + Html.escape(title) + "</h1><p>" + Html.escape(text) + "</p>"));
    }
}
