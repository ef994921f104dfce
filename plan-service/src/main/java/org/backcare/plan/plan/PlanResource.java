package org.backcare.plan.plan;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.security.Authenticated;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.backcare.platform.access.CurrentCaller;
import org.backcare.platform.access.Role;
import org.backcare.platform.web.Coded;
import org.backcare.platform.web.Flags;
import org.backcare.platform.web.Ids;
import org.backcare.platform.web.PageOf;
import org.backcare.platform.web.PageRequest;
import org.backcare.platform.problem.Problem;
import org.backcare.platform.problem.ProblemException;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Plans of a patient: create from a template, read, change the plan's own fields and status, revision history. */
@Path("/")
@Tag(name = "Plans", description = "One multidisciplinary treatment plan per episode of care")
@Produces(MediaType.APPLICATION_JSON)
@Authenticated
public class PlanResource {

    private final PlanService plans;
    private final CurrentCaller caller;
    private final ObjectMapper json;

    public PlanResource(PlanService plans, CurrentCaller caller, ObjectMapper json) {
        this.plans = plans;
        this.caller = caller;
        this.json = json;
    }

    @POST
    @Path("/patients/{patientId}/plans")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Role.PHYSICIAN, Role.PHYSICAL_THERAPIST, Role.PSYCHOLOGIST})
    @Operation(operationId = "createPlan", summary = "Create a draft plan",
            description = "Clinicians on the care team. The template (default: the patient's pain type) pre-fills the "
                    + "exercises, self-management and flare-up sections; medications are left to the physician.")
    @RequestBody(required = true, content = @Content(schema = @Schema(implementation = PlanRequests.NewPlan.class),
            examples = @ExampleObject(name = "mechanical", value = """
                    {"title": "Back to gardening by spring", "template": "mechanical", "startDate": "2026-12-01",
                     "reviewIntervalWeeks": 4}""")))
    @APIResponse(responseCode = "201", description = "Created as draft", headers = @Header(name = "ETag", description = "The version, for If-Match and If-None-Match"), content = @Content(schema = @Schema(implementation = PlanView.class)))
    @APIResponse(responseCode = "400", description = "Invalid body", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "401", description = "No or invalid access token")
    @APIResponse(responseCode = "403", description = "Not a clinician on the care team", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "Unknown patient, or not visible to the caller", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "409", description = "An open plan exists, or the patient was discharged", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response create(@PathParam("patientId") @Parameter(schema = @Schema(format = "uuid")) String patientId,
                           @Valid @NotNull PlanRequests.NewPlan request, UriInfo uri) {
        PlanView plan = plans.create(caller.get(), Ids.parse("patientId", patientId), request);
        return Response.created(uri.getBaseUriBuilder().path("plans").path(plan.id().toString()).build())
                .tag(Long.toString(plan.version())).entity(plan).build();
    }

    @GET
    @Path("/patients/{patientId}/plans")
    @Operation(operationId = "listPatientPlans", summary = "A patient's plans", description = "Newest first, including completed and discontinued ones.")
    @APIResponse(responseCode = "200", description = "A page of plans")
    @APIResponse(responseCode = "404", description = "Unknown patient, or not visible to the caller", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public PageOf<PlanView> forPatient(@PathParam("patientId") @Parameter(schema = @Schema(format = "uuid")) String patientId,
                                       @Valid @BeanParam PageRequest page) {
        return plans.listForPatient(caller.get(), Ids.parse("patientId", patientId), page);
    }

    @GET
    @Path("/plans")
    @Operation(operationId = "listPlans", summary = "Plans the caller may see",
            description = "A worklist across patients, e.g. reviewOverdue=true for plans whose review date has passed.")
    @APIResponse(responseCode = "200", description = "A page of plans, earliest review date first")
    @APIResponse(responseCode = "400", description = "Bad filter", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public PageOf<PlanView> search(
            @Parameter(schema = @Schema(implementation = PlanStatus.class)) @QueryParam("status") String status,
            @Parameter(description = "Only plans whose review is (true) or is not (false) overdue",
                    schema = @Schema(type = SchemaType.BOOLEAN)) @QueryParam("reviewOverdue") String overdue,
            @Valid @BeanParam PageRequest page) {
        return plans.search(caller.get(), Coded.fromParameter(PlanStatus.class, "status", status),
                Flags.parse("reviewOverdue", overdue), page);
    }

    @GET
    @Path("/plans/{id}")
    @Operation(operationId = "getPlan", summary = "Read a plan with all its sections")
    @APIResponse(responseCode = "200", description = "The plan; ETag is the version of its own fields", headers = @Header(name = "ETag", description = "The version, for If-Match and If-None-Match"), content = @Content(schema = @Schema(implementation = PlanView.class)))
    @APIResponse(responseCode = "404", description = "Unknown plan, or not visible to the caller", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response read(@PathParam("id") @Parameter(schema = @Schema(format = "uuid")) String id) {
        PlanView plan = plans.read(caller.get(), Ids.parse("id", id));
        return Response.ok(plan).tag(Long.toString(plan.version())).build();
    }

    @PUT
    @Path("/plans/{id}")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Role.PHYSICIAN, Role.PHYSICAL_THERAPIST, Role.PSYCHOLOGIST})
    @Operation(operationId = "replacePlan", summary = "Change the plan's title and dates", description = "If-Match with the plan's ETag is required.")
    @APIResponse(responseCode = "200", description = "Changed", headers = @Header(name = "ETag", description = "The version, for If-Match and If-None-Match"), content = @Content(schema = @Schema(implementation = PlanView.class)))
    @APIResponse(responseCode = "400", description = "Invalid body", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "403", description = "Not a clinician on the care team", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "Unknown plan, or not visible to the caller", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "409", description = "The plan has ended", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "412", description = "Changed since the ETag in If-Match", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "428", description = "If-Match is missing", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response update(@PathParam("id") @Parameter(schema = @Schema(format = "uuid")) String id,
                           @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
                           @Valid @NotNull PlanRequests.PlanUpdate request) {
        PlanView plan = plans.update(caller.get(), Ids.parse("id", id), ifMatch, request);
        return Response.ok(plan).tag(Long.toString(plan.version())).build();
    }

    @POST
    @Path("/plans/{id}/status")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Role.PHYSICIAN)
    @Operation(operationId = "changePlanStatus", summary = "Move the plan through its lifecycle",
            description = "draft -> active -> (on-hold <-> active) -> completed | discontinued. A physician on the team.")
    @RequestBody(required = true, content = @Content(schema = @Schema(implementation = PlanRequests.StatusChange.class),
            examples = @ExampleObject(name = "activate", value = "{\"status\": \"active\", \"reason\": \"Agreed with the patient\"}")))
    @APIResponse(responseCode = "200", description = "Moved", headers = @Header(name = "ETag", description = "The version, for If-Match and If-None-Match"), content = @Content(schema = @Schema(implementation = PlanView.class)))
    @APIResponse(responseCode = "400", description = "Unknown status", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "403", description = "Not a physician on the care team", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "Unknown plan, or not visible to the caller", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "409", description = "Transition not allowed from the current status", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response changeStatus(@PathParam("id") @Parameter(schema = @Schema(format = "uuid")) String id,
                                 @Valid @NotNull PlanRequests.StatusChange request) {
        PlanView plan = plans.changeStatus(caller.get(), Ids.parse("id", id), request);
        return Response.ok(plan).tag(Long.toString(plan.version())).build();
    }

    @GET
    @Path("/plans/{id}/revisions")
    @Operation(operationId = "listPlanRevisions", summary = "The plan's revision history", description = "Newest first: who changed what, when.")
    @APIResponse(responseCode = "200", description = "A page of revisions")
    @APIResponse(responseCode = "404", description = "Unknown plan, or not visible to the caller", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public PageOf<RevisionView> revisions(@PathParam("id") @Parameter(schema = @Schema(format = "uuid")) String id,
                                          @Valid @BeanParam PageRequest page) {
        return plans.revisions(caller.get(), Ids.parse("id", id), page)
                .map(r -> new RevisionView(r.revision, r.changed, r.summary, r.changedBy, r.changedAt, null));
    }

    @GET
    @Path("/plans/{id}/revisions/{revision}")
    @Operation(operationId = "getPlanRevision", summary = "One revision, with the whole plan as it was after that change")
    @APIResponse(responseCode = "200", description = "The revision", content = @Content(schema = @Schema(implementation = RevisionView.class)))
    @APIResponse(responseCode = "404", description = "Unknown plan or revision", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public RevisionView revision(@PathParam("id") @Parameter(schema = @Schema(format = "uuid")) String id,
                                 @PathParam("revision") @Parameter(schema = @Schema(type = SchemaType.INTEGER, minimum = "1"), example = "2") String revision) throws JsonProcessingException {
        int number;
        try {
            number = Integer.parseInt(revision);
        } catch (NumberFormatException e) {
            number = 0;
        }
        if (number < 1) {
            throw ProblemException.badRequest("revision", "'" + revision + "' is not a revision number (1, 2, ...)");
        }
        PlanRevision r = plans.revision(caller.get(), Ids.parse("id", id), number);
        return new RevisionView(r.revision, r.changed, r.summary, r.changedBy, r.changedAt, json.readTree(r.snapshot));
    }
}
