package org.backcare.plan.section;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.quarkus.security.Authenticated;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.backcare.platform.access.CurrentCaller;
import org.backcare.platform.access.Role;
import org.backcare.platform.web.Coded;
import org.backcare.platform.web.Ids;
import org.backcare.plan.medication.MedicationSafetyProblem;
import org.backcare.platform.problem.Problem;
import org.backcare.platform.problem.ProblemException;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** One section of a plan, each with its own ETag so disciplines edit side by side. */
@Path("/plans/{id}/sections/{kind}")
@Tag(name = "Plan sections", description = "Goals, exercises, medications, self-management, flare-up plan, assessments schedule")
@Produces(MediaType.APPLICATION_JSON)
@Authenticated
public class SectionResource {

    private final SectionService sections;
    private final CurrentCaller caller;

    public SectionResource(SectionService sections, CurrentCaller caller) {
        this.sections = sections;
        this.caller = caller;
    }

    @GET
    @Operation(operationId = "getSection", summary = "Read one section", description = "The ETag header is the section's version.")
    @APIResponse(responseCode = "200", description = "The section", headers = @Header(name = "ETag", description = "The version, for If-Match and If-None-Match"), content = @Content(schema = @Schema(implementation = SectionView.class)))
    @APIResponse(responseCode = "400", description = "Unknown section kind or malformed id", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "Unknown plan, or not visible to the caller", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response read(@PathParam("id") @Parameter(schema = @Schema(format = "uuid")) String id,
                         @PathParam("kind") @Parameter(schema = @Schema(implementation = SectionKind.class)) String kind) {
        SectionView view = sections.read(caller.get(), Ids.parse("id", id), kind(kind));
        return Response.ok(view).tag(Long.toString(view.version())).build();
    }

    @PUT
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Role.PHYSICIAN, Role.PHYSICAL_THERAPIST, Role.PSYCHOLOGIST})
    @Operation(operationId = "replaceSection", summary = "Replace one section",
            description = "If-Match with the section's ETag is required. Exercises: the physical therapist or a physician; "
                    + "medications: a physician (checked by the medication safety rules: rejections and unacknowledged "
                    + "warnings answer 422 listing every finding); goals, self-management, flare-up: any clinician on the team; "
                    + "assessments: any clinician, but each entry only by its discipline (a physician any; 403 otherwise), "
                    + "instruments start-back, phq-9, gad-7, pcs, tsk-11, pseq or odi (400 naming the field otherwise). "
                    + "The body is the section content: GoalsSection, ExerciseSection, MedicationSection, "
                    + "SelfManagementSection, FlareUpSection or AssessmentsSection.")
    @RequestBody(required = true, content = @Content(
            schema = @Schema(oneOf = {Goals.class, ExerciseProgram.class, Medications.class, SelfManagement.class, FlareUpPlan.class,
                    AssessmentSchedule.class}),
            examples = {
                    @ExampleObject(name = "exercises", value = """
                            {"exercises": [{"exercise": "bird-dog", "dose": {"sets": 2, "reps": 8, "holdSeconds": 5, "minutes": 3, "sessionsPerWeek": 7},
                              "progressionRule": "Add 2 reps a week while pain stays at or below 3/10",
                              "painMonitoring": {"stopIfPainRisesBy": 2}}], "notes": "15 minutes every day"}"""),
                    @ExampleObject(name = "medications", value = """
                            {"medications": [{"drug": "naproxen", "dose": 500, "unit": "mg", "timesPerDay": 2, "asNeeded": false,
                              "startDate": "2026-12-01", "endDate": "2026-12-10", "acknowledgedWarnings": [],
                              "instructions": "Take with food"}], "notes": null}"""),
                    @ExampleObject(name = "assessments", value = """
                            {"assessments": [
                              {"instrument": "start-back", "discipline": "physical-therapist", "atWeeks": [0, 12]},
                              {"instrument": "phq-9", "discipline": "psychologist", "everyWeeks": 4},
                              {"instrument": "gad-7", "discipline": "psychologist", "everyWeeks": 4},
                              {"instrument": "odi", "discipline": "physical-therapist", "everyWeeks": 4}]}"""),
                    @ExampleObject(name = "goals", value = """
                            {"goals": [{"what": "Psychologist review of the psychosocial risk",
                              "measure": "STarT Back, PHQ-9 and GAD-7 reviewed with the patient",
                              "target": "Psychological treatment agreed, or stepped down when the risk has fallen",
                              "dueDate": "2026-12-21", "status": "open", "discipline": "psychologist"}]}""")}))
    @APIResponse(responseCode = "200", description = "Saved as a new plan revision", headers = @Header(name = "ETag", description = "The version, for If-Match and If-None-Match"), content = @Content(schema = @Schema(implementation = SectionView.class)))
    @APIResponse(responseCode = "400", description = "Invalid or malformed content; nothing changed", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "403", description = "Your discipline does not own this section (or, in assessments, an entry you changed)", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "Unknown plan, or not visible to the caller", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "409", description = "The plan has ended", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "412", description = "The section changed since the ETag in If-Match", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "422", description = "Medication rejected, or warnings not acknowledged", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = MedicationSafetyProblem.class)))
    @APIResponse(responseCode = "428", description = "If-Match is missing", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response update(@PathParam("id") @Parameter(schema = @Schema(format = "uuid")) String id,
                           @PathParam("kind") @Parameter(schema = @Schema(implementation = SectionKind.class)) String kind,
                           @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
                           String body) throws JsonProcessingException {
        SectionView view = sections.update(caller.get(), Ids.parse("id", id), kind(kind), ifMatch, body);
        return Response.ok(view).tag(Long.toString(view.version())).build();
    }

    private static SectionKind kind(String code) {
        try {
            return Coded.fromCode(SectionKind.class, code);
        } catch (IllegalArgumentException e) {
            throw ProblemException.badRequest("kind", e.getMessage());
        }
    }
}
