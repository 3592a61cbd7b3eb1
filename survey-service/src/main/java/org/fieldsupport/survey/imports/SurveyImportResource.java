package org.fieldsupport.survey.imports;

import java.time.Clock;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;

import org.fieldsupport.chassis.security.Roles;

/** The importer's door for surveys of the past (DESIGN §5: the importer may pass business timestamps). */
@Path("/survey-imports")
@RolesAllowed(Roles.IMPORTER)
public class SurveyImportResource {

    @Inject
    SurveyImports imports;

    @Inject
    Clock clock;

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Import a survey of the past: the invitation sent after a visit or a delivery this platform "
            + "knows, at its business time, and its answer if any. 201 when recorded, 200 when the same import "
            + "comes again, 409 while the visit or delivery is not known yet or when the ticket has another survey.")
    public Response importSurvey(SurveyImports.ImportedSurvey survey) {
        SurveyImports.Imported imported = imports.importSurvey(survey, clock.instant());
        if (!imported.created()) {
            return Response.ok(imported).build();
        }
        return Response.status(Response.Status.CREATED).entity(imported).build();
    }
}
