package org.backcare.plan.note;

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
import org.backcare.platform.problem.Problem;
import org.backcare.platform.web.Coded;
import org.backcare.platform.web.Ids;
import org.backcare.platform.web.PageOf;
import org.backcare.platform.web.PageRequest;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Clinical notes about a patient: written by the care team, amended only as new versions, read by clinicians. */
@Path("/")
@Tag(name = "Clinical notes", description = "Progress notes, handovers and psychotherapy notes. Clinician-facing: the "
        + "patient and integrators never read them, and they are never in FHIR exports or webhooks. Psychotherapy "
        + "notes are read only by their author and the other psychologists on the team (not admins).")
@Produces(MediaType.APPLICATION_JSON)
@Authenticated
public class NoteResource {

    private final NoteService notes;
    private final CurrentCaller caller;

    public NoteResource(NoteService notes, CurrentCaller caller) {
        this.notes = notes;
        this.caller = caller;
    }

    @POST
    @Path("/patients/{patientId}/notes")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Role.PHYSICIAN, Role.PHYSICAL_THERAPIST, Role.PSYCHOLOGIST})
    @Operation(operationId = "createNote", summary = "Write a clinical note",
            description = "A clinician on the care team; the author is the caller and the discipline their role on the "
                    + "team. Psychotherapy notes only by a psychologist. Mention team members as @[display name](subject): "
                    + "each one mentioned (not the author) is notified through NoteMentioned, which never carries the text; "
                    + "someone not on the team is a 400 naming them, and a psychotherapy note may only mention psychologists.")
    @RequestBody(required = true, content = @Content(schema = @Schema(implementation = NoteRequests.NewNote.class),
            examples = {
                    @ExampleObject(name = "handover", value = """
                            {"kind": "handover", "text": "Pain up to 7/10 after the weekend; exercises paused. @[Dr Anna Berg](0b7a5c2e-6a1f-4a43-9d0e-2f5c8f0d1a11) please review the naproxen."}"""),
                    @ExampleObject(name = "psychotherapy-note", value = """
                            {"kind": "psychotherapy-note", "text": "Session 3: worked on catastrophizing about bending; homework: graded exposure diary."}""")}))
    @APIResponse(responseCode = "201", description = "Written", headers = @Header(name = "ETag", description = "The version, for If-Match"), content = @Content(schema = @Schema(implementation = NoteView.class)))
    @APIResponse(responseCode = "400", description = "Invalid body (kind, text of 1 to 10000 characters), or a mention of someone not on the team / not a psychologist in a psychotherapy note", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "401", description = "No or invalid access token")
    @APIResponse(responseCode = "403", description = "Not a clinician on the care team, or a psychotherapy note by someone who is not the team's psychologist", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "Unknown patient, or not visible to the caller", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response create(@PathParam("patientId") @Parameter(schema = @Schema(format = "uuid")) String patientId,
                           @Valid @NotNull NoteRequests.NewNote request, UriInfo uri) {
        NoteView note = notes.create(caller.get(), Ids.parse("patientId", patientId), request);
        return Response.created(uri.getBaseUriBuilder().path("notes").path(note.id().toString()).build())
                .tag(Integer.toString(note.version())).entity(note).build();
    }

    @GET
    @Path("/patients/{patientId}/notes")
    @Operation(operationId = "listPatientNotes", summary = "A patient's clinical notes",
            description = "Newest first, each with its latest text. The care team and admins; psychotherapy notes are "
                    + "listed only to their author and the team's psychologists. Not for the patient or integrators (403).")
    @APIResponse(responseCode = "200", description = "A page of notes")
    @APIResponse(responseCode = "400", description = "Bad filter or paging", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "403", description = "Clinical notes are for clinicians (the patient, integrators)", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "Unknown patient, or not visible to the caller", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public PageOf<NoteView> forPatient(@PathParam("patientId") @Parameter(schema = @Schema(format = "uuid")) String patientId,
                                       @Parameter(schema = @Schema(implementation = NoteKind.class)) @QueryParam("kind") String kind,
                                       @Parameter(description = "Only notes by this author (login subject)") @QueryParam("author") String author,
                                       @Valid @BeanParam PageRequest page) {
        return notes.list(caller.get(), Ids.parse("patientId", patientId),
                Coded.fromParameter(NoteKind.class, "kind", kind), author, page);
    }

    @GET
    @Path("/notes/{id}")
    @Operation(operationId = "getNote", summary = "Read a clinical note", description = "The ETag header is the note's version.")
    @APIResponse(responseCode = "200", description = "The note", headers = @Header(name = "ETag", description = "The version, for If-Match"), content = @Content(schema = @Schema(implementation = NoteView.class)))
    @APIResponse(responseCode = "400", description = "Malformed id", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "Unknown note, or not readable by the caller (existence is not revealed)", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response read(@PathParam("id") @Parameter(schema = @Schema(format = "uuid")) String id) {
        NoteView note = notes.read(caller.get(), Ids.parse("id", id));
        return Response.ok(note).tag(Integer.toString(note.version())).build();
    }

    @PUT
    @Path("/notes/{id}")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Role.PHYSICIAN, Role.PHYSICAL_THERAPIST, Role.PSYCHOLOGIST})
    @Operation(operationId = "amendNote", summary = "Amend a clinical note",
            description = "The author only, with If-Match. The amendment is a new version; the earlier text stays in "
                    + "the history (GET /notes/{id}/versions). Newly mentioned team members are notified.")
    @RequestBody(required = true, content = @Content(schema = @Schema(implementation = NoteRequests.Amendment.class),
            examples = @ExampleObject(name = "amendment", value = """
                    {"text": "Pain up to 7/10 after the weekend (not 8 as first written); exercises paused."}""")))
    @APIResponse(responseCode = "200", description = "Amended", headers = @Header(name = "ETag", description = "The version, for If-Match"), content = @Content(schema = @Schema(implementation = NoteView.class)))
    @APIResponse(responseCode = "400", description = "Invalid text or mention", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "403", description = "Not the note's author", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "Unknown note, or not readable by the caller", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "412", description = "Amended since the ETag in If-Match", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "428", description = "If-Match is missing", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response amend(@PathParam("id") @Parameter(schema = @Schema(format = "uuid")) String id,
                          @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
                          @Valid @NotNull NoteRequests.Amendment request) {
        NoteView note = notes.amend(caller.get(), Ids.parse("id", id), ifMatch, request);
        return Response.ok(note).tag(Integer.toString(note.version())).build();
    }

    @GET
    @Path("/notes/{id}/versions")
    @Operation(operationId = "listNoteVersions", summary = "A note's history", description = "Newest first; readable by whoever may read the note.")
    @APIResponse(responseCode = "200", description = "A page of versions")
    @APIResponse(responseCode = "400", description = "Malformed id or paging", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "Unknown note, or not readable by the caller", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public PageOf<NoteView.Version> versions(@PathParam("id") @Parameter(schema = @Schema(format = "uuid")) String id,
                                             @Valid @BeanParam PageRequest page) {
        return notes.versions(caller.get(), Ids.parse("id", id), page);
    }
}
