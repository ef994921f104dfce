package org.backcare.tracking.report;

import com.fasterxml.jackson.core.JsonProcessingException;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.backcare.platform.access.CurrentCaller;
import org.backcare.platform.access.Role;
import org.backcare.platform.web.Ids;
import org.backcare.platform.problem.Problem;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** What the patient did between visits: exercise sessions, medication intakes, flare-ups. */
@Path("/patients/{patientId}")
@Tag(name = "Reports", description = "Exercise sessions, medication intakes and flare-up episodes")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@RolesAllowed({Role.PATIENT, Role.PHYSICIAN, Role.PHYSICAL_THERAPIST, Role.PSYCHOLOGIST})
public class ReportResource {

    private final ReportService reports;
    private final CurrentCaller caller;

    public ReportResource(ReportService reports, CurrentCaller caller) {
        this.reports = reports;
        this.caller = caller;
    }

    @POST
    @Path("/exercise-sessions")
    @Operation(operationId = "recordExerciseSession", summary = "Log a home exercise session", description = "Counts towards exercise adherence.")
    @APIResponse(responseCode = "201", description = "Logged; lists any alert it raised", content = @Content(schema = @Schema(implementation = Reports.Recorded.class)))
    @APIResponse(responseCode = "400", description = "Invalid body", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "403", description = "Not the patient nor a clinician on the team", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "Unknown patient, or not visible to the caller", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response exercise(@PathParam("patientId") @Parameter(schema = @Schema(format = "uuid")) String patientId,
                             @Valid @NotNull Reports.ExerciseSessionRequest request) {
        return Response.status(201).entity(reports.exercise(caller.get(), Ids.parse("patientId", patientId), request)).build();
    }

    @POST
    @Path("/medication-intakes")
    @Operation(operationId = "recordMedicationIntake", summary = "Log a medication dose taken", description = "With any side effects; NSAID intakes feed the overuse rule.")
    @APIResponse(responseCode = "201", description = "Logged; lists any alert it raised", content = @Content(schema = @Schema(implementation = Reports.Recorded.class)))
    @APIResponse(responseCode = "400", description = "Invalid body", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "403", description = "Not the patient nor a clinician on the team", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "Unknown patient, or not visible to the caller", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response medication(@PathParam("patientId") @Parameter(schema = @Schema(format = "uuid")) String patientId,
                               @Valid @NotNull Reports.MedicationIntakeRequest request) throws JsonProcessingException {
        return Response.status(201).entity(reports.medication(caller.get(), Ids.parse("patientId", patientId), request)).build();
    }

    @POST
    @Path("/flare-ups")
    @Operation(operationId = "recordFlareUp", summary = "Record a flare-up episode", description = "When it started, when it ended, what helped.")
    @APIResponse(responseCode = "201", description = "Recorded", content = @Content(schema = @Schema(implementation = Reports.Recorded.class)))
    @APIResponse(responseCode = "400", description = "Invalid body", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "403", description = "Not the patient nor a clinician on the team", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "Unknown patient, or not visible to the caller", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response flareUp(@PathParam("patientId") @Parameter(schema = @Schema(format = "uuid")) String patientId,
                            @Valid @NotNull Reports.FlareUpRequest request) {
        return Response.status(201).entity(reports.flareUp(caller.get(), Ids.parse("patientId", patientId), request)).build();
    }
}
