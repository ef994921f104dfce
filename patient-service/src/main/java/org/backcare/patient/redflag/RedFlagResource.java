package org.backcare.patient.redflag;

import io.quarkus.security.Authenticated;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.backcare.platform.access.CurrentCaller;
import org.backcare.platform.access.Role;
import org.backcare.platform.web.Ids;
import org.backcare.platform.web.PageOf;
import org.backcare.platform.web.PageRequest;
import org.backcare.platform.problem.Problem;
import org.backcare.patient.record.PatientView;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;


/** Red-flag screenings of a patient and the urgent review a positive one opens. */
@Path("/patients/{id}")
@Tag(name = "Red-flag screening", description = "Warning signs that need urgent medical evaluation")
@Produces(MediaType.APPLICATION_JSON)
@Authenticated
public class RedFlagResource {

    private final RedFlagService screenings;
    private final CurrentCaller caller;

    public RedFlagResource(RedFlagService screenings, CurrentCaller caller) {
        this.screenings = screenings;
        this.caller = caller;
    }

    /** Body of the urgent-review resolution. */
    @Schema(name = "UrgentReviewResolution")
    public record Resolution(@NotBlank @Size(max = 2000)
                             @Schema(required = true, example = "Examined today: no neurological deficit; MRI not indicated")
                             String note) {
    }

    @POST
    @Path("/red-flag-screenings")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Role.PHYSICIAN, Role.PHYSICAL_THERAPIST, Role.PSYCHOLOGIST})
    @Operation(operationId = "recordRedFlagScreening", summary = "Record a red-flag screening",
            description = "Every item must be answered. Any positive item marks the patient for urgent review and "
                    + "raises an urgent RedFlagRaised event. Clinicians on the care team only.")
    @RequestBody(required = true, content = @Content(schema = @Schema(implementation = ScreeningRequest.class),
            examples = @ExampleObject(name = "recent trauma", value = """
                    {"newLegWeaknessOrProgressiveNumbness": false, "bowelOrBladderLossOrSaddleNumbness": false,
                     "fever": false, "unexplainedWeightLoss": false, "historyOfCancer": false,
                     "recentSignificantTrauma": true, "severeUnrelentingNightPain": false,
                     "notes": "Fell from a ladder 5 days ago"}""")))
    @APIResponse(responseCode = "201", description = "Recorded", content = @Content(schema = @Schema(implementation = ScreeningView.class)))
    @APIResponse(responseCode = "400", description = "An item is unanswered or the body is malformed", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "401", description = "No or invalid access token")
    @APIResponse(responseCode = "403", description = "Only clinicians on the care team", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "No such patient, or not visible to the caller", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "409", description = "The patient was discharged", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response record(@PathParam("id") @Parameter(schema = @Schema(format = "uuid")) String id,
                           @Valid @NotNull ScreeningRequest request, UriInfo uri) {
        ScreeningView s = screenings.record(caller.get(), Ids.parse("id", id), request);
        return Response.created(uri.getAbsolutePathBuilder().path(s.id().toString()).build()).entity(s).build();
    }

    @GET
    @Path("/red-flag-screenings")
    @Operation(operationId = "listRedFlagScreenings", summary = "The patient's screening history", description = "Newest first.")
    @APIResponse(responseCode = "200", description = "A page of screenings")
    @APIResponse(responseCode = "400", description = "Bad id or paging parameter", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "401", description = "No or invalid access token")
    @APIResponse(responseCode = "404", description = "No such patient, or not visible to the caller", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public PageOf<ScreeningView> history(@PathParam("id") @Parameter(schema = @Schema(format = "uuid")) String id,
                                         @Valid @BeanParam PageRequest page) {
        return screenings.history(caller.get(), Ids.parse("id", id), page);
    }

    @POST
    @Path("/urgent-review/resolution")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Role.PHYSICIAN)
    @Operation(operationId = "resolveUrgentReview", summary = "Close the patient's urgent review",
            description = "A physician on the care team records that the red flags were evaluated.")
    @RequestBody(required = true, content = @Content(schema = @Schema(implementation = Resolution.class)))
    @APIResponse(responseCode = "200", description = "Closed; the updated patient record", headers = @Header(name = "ETag", description = "The version, for If-Match and If-None-Match"), content = @Content(schema = @Schema(implementation = PatientView.class)))
    @APIResponse(responseCode = "400", description = "Note missing", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "401", description = "No or invalid access token")
    @APIResponse(responseCode = "403", description = "Only a physician on the care team", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "No such patient, or not visible to the caller", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "409", description = "No urgent review is open", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response resolve(@PathParam("id") @Parameter(schema = @Schema(format = "uuid")) String id,
                            @Valid @NotNull Resolution resolution) {
        PatientView p = screenings.resolveUrgentReview(caller.get(), Ids.parse("id", id), resolution.note());
        return Response.ok(p).tag(Long.toString(p.version())).build();
    }
}
