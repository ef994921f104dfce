package org.backcare.tracking.questionnaire;

import io.quarkus.security.Authenticated;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.backcare.platform.access.CurrentCaller;
import org.backcare.platform.access.Role;
import org.backcare.platform.web.Ids;
import org.backcare.platform.web.PageOf;
import org.backcare.platform.web.PageRequest;
import org.backcare.platform.problem.Problem;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The Oswestry Disability Index: baseline and follow-ups. */
@Path("/patients/{patientId}/questionnaires/odi")
@Tag(name = "Questionnaires", description = "Oswestry Disability Index and the scored instruments")
@Produces(MediaType.APPLICATION_JSON)
@Authenticated
public class QuestionnaireResource {

    private final QuestionnaireService questionnaires;
    private final CurrentCaller caller;

    public QuestionnaireResource(QuestionnaireService questionnaires, CurrentCaller caller) {
        this.questionnaires = questionnaires;
        this.caller = caller;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Role.PATIENT, Role.PHYSICIAN, Role.PHYSICAL_THERAPIST, Role.PSYCHOLOGIST})
    @Operation(operationId = "recordOdi", summary = "Record an ODI questionnaire",
            description = "10 sections scored 0-5; score = sum / (5 x answered) x 100; at least 8 answered. A change of "
                    + "10 points or more against the baseline is clinically important.")
    @APIResponse(responseCode = "201", description = "Scored and stored", content = @Content(schema = @Schema(implementation = QuestionnaireService.OdiView.class)))
    @APIResponse(responseCode = "400", description = "Fewer than 8 answers, or an answer outside 0-5", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "403", description = "Not the patient nor a clinician on the team", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "Unknown patient, or not visible to the caller", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response record(@PathParam("patientId") @Parameter(schema = @Schema(format = "uuid")) String patientId,
                           @Valid @NotNull QuestionnaireService.OdiRequest request) {
        return Response.status(201).entity(questionnaires.recordOdi(caller.get(), Ids.parse("patientId", patientId), request)).build();
    }

    @GET
    @Operation(operationId = "listOdi", summary = "The patient's ODI history", description = "Newest first, each with the change against the baseline.")
    @APIResponse(responseCode = "200", description = "A page of results")
    @APIResponse(responseCode = "404", description = "Unknown patient, or not visible to the caller", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public PageOf<QuestionnaireService.OdiView> list(@PathParam("patientId") @Parameter(schema = @Schema(format = "uuid")) String patientId,
                                                     @Valid @BeanParam PageRequest page) {
        return questionnaires.listOdi(caller.get(), Ids.parse("patientId", patientId), page);
    }
}
