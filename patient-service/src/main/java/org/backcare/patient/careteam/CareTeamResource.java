package org.backcare.patient.careteam;

import io.quarkus.security.Authenticated;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
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
import org.backcare.platform.problem.Problem;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.util.List;

/** The clinicians looking after one patient. Membership authorizes them for that patient in every service. */
@Path("/patients/{id}/care-team")
@Tag(name = "Care team", description = "Physician, physical therapist and psychologist of a patient")
@Produces(MediaType.APPLICATION_JSON)
@Authenticated
public class CareTeamResource {

    private final CareTeamService careTeams;
    private final CurrentCaller caller;

    public CareTeamResource(CareTeamService careTeams, CurrentCaller caller) {
        this.careTeams = careTeams;
        this.caller = caller;
    }

    @GET
    @Operation(operationId = "listCareTeam", summary = "The patient's care team")
    @APIResponse(responseCode = "200", description = "Members in the order they joined")
    @APIResponse(responseCode = "400", description = "The id is not a UUID", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "401", description = "No or invalid access token")
    @APIResponse(responseCode = "404", description = "No such patient, or not visible to the caller", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public List<CareTeamMemberView> list(@PathParam("id") @Parameter(schema = @Schema(format = "uuid")) String id) {
        return careTeams.list(caller.get(), Ids.parse("id", id));
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Role.PHYSICIAN, Role.ADMIN})
    @Operation(operationId = "addCareTeamMember", summary = "Add a clinician to the care team", description = "A physician on the team or an admin.")
    @RequestBody(required = true, content = @Content(schema = @Schema(implementation = CareTeamMemberRequest.class),
            examples = @ExampleObject(name = "physical therapist", value = """
                    {"subject": "7f1c1a35-93c1-4e0e-9a4e-2b6f2f4d9c10", "role": "physical-therapist",
                     "displayName": "Pat Jones, PT", "email": "pat.jones@clinic.example"}""")))
    @APIResponse(responseCode = "201", description = "Added", content = @Content(schema = @Schema(implementation = CareTeamMemberView.class)))
    @APIResponse(responseCode = "400", description = "Invalid body", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "401", description = "No or invalid access token")
    @APIResponse(responseCode = "403", description = "Only a physician on the team or an admin", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "No such patient, or not visible to the caller", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "409", description = "Already a member, or the patient was discharged", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response add(@PathParam("id") @Parameter(schema = @Schema(format = "uuid")) String id,
                        @Valid @NotNull CareTeamMemberRequest request, UriInfo uri) {
        CareTeamMemberView member = careTeams.add(caller.get(), Ids.parse("id", id), request);
        return Response.created(uri.getAbsolutePathBuilder().path(member.subject()).build()).entity(member).build();
    }

    @DELETE
    @Path("/{subject}")
    @RolesAllowed({Role.PHYSICIAN, Role.ADMIN})
    @Operation(operationId = "removeCareTeamMember", summary = "Remove a clinician from the care team", description = "A physician on the team or an admin.")
    @APIResponse(responseCode = "204", description = "Removed")
    @APIResponse(responseCode = "400", description = "The id is not a UUID", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "401", description = "No or invalid access token")
    @APIResponse(responseCode = "403", description = "Only a physician on the team or an admin", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "No such patient or member", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "409", description = "The patient was discharged", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response remove(@PathParam("id") @Parameter(schema = @Schema(format = "uuid")) String id,
                           @PathParam("subject") @Parameter(description = "OIDC subject of the member") String subject) {
        careTeams.remove(caller.get(), Ids.parse("id", id), subject);
        return Response.noContent().build();
    }
}
