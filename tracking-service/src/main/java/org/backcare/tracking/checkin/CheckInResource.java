package org.backcare.tracking.checkin;

import io.quarkus.security.Authenticated;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
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
import org.backcare.tracking.common.Dates;
import org.backcare.platform.web.Ids;
import org.backcare.platform.web.PageOf;
import org.backcare.platform.web.PageRequest;
import org.backcare.platform.problem.Problem;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Daily check-ins: "Track your pain daily. Note what makes it better or worse." */
@Path("/patients/{patientId}/check-ins")
@Tag(name = "Check-ins", description = "The patient's daily report: pain, function, sleep, mood, triggers, red flags")
@Produces(MediaType.APPLICATION_JSON)
@Authenticated
public class CheckInResource {

    private final CheckInService checkIns;
    private final CurrentCaller caller;

    public CheckInResource(CheckInService checkIns, CurrentCaller caller) {
        this.checkIns = checkIns;
        this.caller = caller;
    }

    @PUT
    @Path("/{day}")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Role.PATIENT, Role.PHYSICIAN, Role.PHYSICAL_THERAPIST, Role.PSYCHOLOGIST})
    @Operation(operationId = "recordCheckIn", summary = "Record the check-in of a day",
            description = "The patient, or a clinician on the team for them. One per day: the first PUT creates it (201); "
                    + "a later one updates it and needs If-Match with its ETag. Not in the future; backdated at most 7 days.")
    @RequestBody(required = true, content = @Content(schema = @Schema(implementation = CheckInRequest.class),
            examples = @ExampleObject(name = "a sitting day", value = """
                    {"pain": 5, "locations": ["lower-back"], "painCharacter": ["aching"], "legSymptoms": false,
                     "functionScore": 6, "sleepHours": 6.5, "sleepQuality": 4, "mood": 6, "stress": 5,
                     "triggers": ["sitting"], "relievers": ["walking", "heat"], "note": "Long meeting", "redFlags": []}""")))
    @APIResponse(responseCode = "201", description = "Created", headers = @Header(name = "ETag", description = "The version, for If-Match and If-None-Match"), content = @Content(schema = @Schema(implementation = CheckInView.class)))
    @APIResponse(responseCode = "200", description = "Updated", headers = @Header(name = "ETag", description = "The version, for If-Match and If-None-Match"), content = @Content(schema = @Schema(implementation = CheckInView.class)))
    @APIResponse(responseCode = "400", description = "Invalid body or day", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "403", description = "Not the patient nor a clinician on the team", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "Unknown patient, or not visible to the caller", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "412", description = "The check-in changed since the ETag in If-Match", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "428", description = "The day has a check-in and If-Match is missing", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response record(@PathParam("patientId") @Parameter(schema = @Schema(format = "uuid")) String patientId,
                           @PathParam("day") @Parameter(schema = @Schema(format = "date"), example = "2026-11-23") String day,
                           @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
                           @Valid @NotNull CheckInRequest request, UriInfo uri) {
        CheckInService.Saved saved = checkIns.record(caller.get(), Ids.parse("patientId", patientId),
                Dates.parse("day", day), ifMatch, request);
        Response.ResponseBuilder response = saved.created()
                ? Response.created(uri.getAbsolutePath()) : Response.ok();
        return response.tag(Long.toString(saved.checkIn().version())).entity(saved.checkIn()).build();
    }

    @GET
    @Path("/{day}")
    @Operation(operationId = "getCheckIn", summary = "Read the check-in of a day")
    @APIResponse(responseCode = "200", description = "The check-in; ETag for If-Match", headers = @Header(name = "ETag", description = "The version, for If-Match and If-None-Match"), content = @Content(schema = @Schema(implementation = CheckInView.class)))
    @APIResponse(responseCode = "404", description = "No check-in that day, or patient not visible", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response read(@PathParam("patientId") @Parameter(schema = @Schema(format = "uuid")) String patientId,
                         @PathParam("day") @Parameter(schema = @Schema(format = "date")) String day) {
        CheckInView c = checkIns.read(caller.get(), Ids.parse("patientId", patientId), Dates.parse("day", day));
        return Response.ok(c).tag(Long.toString(c.version())).build();
    }

    @GET
    @Operation(operationId = "listCheckIns", summary = "Check-ins in a date range", description = "Newest first.")
    @APIResponse(responseCode = "200", description = "A page of check-ins")
    @APIResponse(responseCode = "400", description = "Bad date or paging", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "Unknown patient, or not visible to the caller", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public PageOf<CheckInView> list(@PathParam("patientId") @Parameter(schema = @Schema(format = "uuid")) String patientId,
                                    @QueryParam("from") @Parameter(schema = @Schema(format = "date")) String from,
                                    @QueryParam("to") @Parameter(schema = @Schema(format = "date")) String to,
                                    @Valid @BeanParam PageRequest page) {
        return checkIns.list(caller.get(), Ids.parse("patientId", patientId), Dates.parse("from", from),
                Dates.parse("to", to), page);
    }
}
