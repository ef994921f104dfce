package org.backcare.patient.record;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.security.Authenticated;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PATCH;
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
import org.backcare.platform.web.ETags;
import org.backcare.platform.web.Flags;
import org.backcare.platform.web.Ids;
import org.backcare.platform.web.PageOf;
import org.backcare.platform.web.PageRequest;
import org.backcare.platform.problem.Problem;
import org.backcare.platform.problem.ProblemException;
import org.backcare.platform.problem.ProblemType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.ParameterIn;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.util.UUID;

/** HTTP face of patient records: thin on purpose, the rules live in {@link PatientService}. */
@Path("/patients")
@Tag(name = "Patients", description = "Patient records: registration, demographics, pain classification, discharge")
@Produces(MediaType.APPLICATION_JSON)
@Authenticated
public class PatientResource {

    static final String MERGE_PATCH = "application/merge-patch+json";
    static final String EXAMPLE = """
            {"givenName": "Anna", "familyName": "Berg", "birthDate": "1978-04-02", "sex": "female",
             "email": "anna.berg@example.org", "phone": "+46 70 123 45 67", "preferredLanguage": "sv",
             "painOnsetDate": "2025-09-01", "painType": "mechanical",
             "painTypeRationale": "Pain flares with bending and long sitting, eases with movement",
             "comorbidities": ["kidney-disease"]}""";

    private final PatientService patients;
    private final CurrentCaller caller;
    private final ObjectMapper json;

    public PatientResource(PatientService patients, CurrentCaller caller, ObjectMapper json) {
        this.patients = patients;
        this.caller = caller;
        this.json = json;
    }

    /** Body of the discharge request. */
    @Schema(name = "DischargeRequest")
    public record DischargeRequest(
            @NotBlank @Size(max = 2000) @Schema(required = true, example = "Goals met; self-management continues at home")
            String reason) {
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Role.PHYSICIAN, Role.ADMIN, Role.PATIENT})
    @Operation(operationId = "registerPatient", summary = "Register a patient",
            description = "Physicians and admins register patients; a registering physician joins the care team. "
                    + "A user with the patient role registers themselves: the record is linked to their login.")
    @RequestBody(required = true, content = @Content(schema = @Schema(implementation = PatientRequest.class),
            examples = @ExampleObject(name = "mechanical low back pain", value = EXAMPLE)))
    @APIResponse(responseCode = "201", description = "Registered",
            headers = {@Header(name = "Location", description = "URL of the new record"),
                    @Header(name = "ETag", description = "Version to send in If-Match")},
            content = @Content(schema = @Schema(implementation = PatientView.class)))
    @APIResponse(responseCode = "400", description = "Invalid or malformed body; nothing was stored", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "401", description = "No or invalid access token")
    @APIResponse(responseCode = "403", description = "Role may not register, or a patient names another login", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "409", description = "A record is already linked to that login", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response register(@Valid @NotNull PatientRequest request, UriInfo uri) {
        PatientView p = patients.register(caller.get(), request);
        return Response.created(uri.getAbsolutePathBuilder().path(p.id().toString()).build())
                .tag(unquoted(p.version()))
                .entity(p)
                .build();
    }

    @GET
    @Operation(operationId = "listPatients", summary = "List and search patients",
            description = "Only the patients the caller may see: a patient their own record, a clinician the patients "
                    + "whose care team they are on, admins and integrators everyone. Sorted by family name.")
    @APIResponse(responseCode = "200", description = "A page of patients")
    @APIResponse(responseCode = "400", description = "A filter or paging parameter is invalid", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "401", description = "No or invalid access token")
    public PageOf<PatientView> search(
            @Parameter(description = "Part of the given or family name, case-insensitive", example = "berg")
            @QueryParam("name") @Size(max = 200) String name,
            @Parameter(description = "OIDC subject of a care-team member") @QueryParam("careTeamMember") String member,
            @Parameter(description = "active or discharged", schema = @Schema(implementation = PatientStatus.class))
            @QueryParam("status") String status,
            @Parameter(description = "Only patients with (true) or without (false) an open urgent review",
                    schema = @Schema(type = SchemaType.BOOLEAN))
            @QueryParam("urgentReview") String urgentReview,
            @Valid @BeanParam PageRequest page) {
        var filters = new PatientSearch.Filters(name, member,
                Coded.fromParameter(PatientStatus.class, "status", status), Flags.parse("urgentReview", urgentReview));
        return patients.search(caller.get(), filters, page);
    }

    @GET
    @Path("/me")
    @RolesAllowed(Role.PATIENT)
    @Operation(operationId = "getMyPatientRecord", summary = "My own patient record", description = "For patients: the record linked to their login.")
    @APIResponse(responseCode = "200", description = "The record", content = @Content(schema = @Schema(implementation = PatientView.class)))
    @APIResponse(responseCode = "401", description = "No or invalid access token")
    @APIResponse(responseCode = "403", description = "Not a patient", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "No record is linked to this login yet", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response me() {
        return withETag(patients.readOwn(caller.get()));
    }

    @GET
    @Path("/{id}")
    @Operation(operationId = "getPatient", summary = "Read a patient record",
            description = "Answers 404 for records the caller may not see, so their existence is not revealed. "
                    + "Send If-None-Match with a previous ETag to get 304 when nothing changed.")
    @APIResponse(responseCode = "200", description = "The record", headers = @Header(name = "ETag", description = "Version to send in If-Match"),
            content = @Content(schema = @Schema(implementation = PatientView.class)))
    @APIResponse(responseCode = "304", description = "Unchanged since the ETag in If-None-Match")
    @APIResponse(responseCode = "400", description = "The id is not a UUID", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "401", description = "No or invalid access token")
    @APIResponse(responseCode = "404", description = "No such patient, or not visible to the caller", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response read(@PathParam("id") @Parameter(schema = @Schema(format = "uuid")) String id) {
        // If-None-Match -> 304 is platform-web's ConditionalReads, from the ETag set here.
        return withETag(patients.read(caller.get(), Ids.parse("id", id)));
    }

    @PUT
    @Path("/{id}")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Role.PATIENT, Role.PHYSICIAN, Role.PHYSICAL_THERAPIST, Role.PSYCHOLOGIST, Role.ADMIN})
    @Operation(operationId = "replacePatient", summary = "Replace a patient record",
            description = "If-Match with the ETag of the last read is required. Clinicians on the care team and admins "
                    + "change the record; only clinicians set the pain type; the patient may change contact details.")
    @RequestBody(required = true, content = @Content(schema = @Schema(implementation = PatientRequest.class),
            examples = @ExampleObject(name = "reclassified as radicular", value = EXAMPLE)))
    @APIResponse(responseCode = "200", description = "Updated", headers = @Header(name = "ETag", description = "The new version"),
            content = @Content(schema = @Schema(implementation = PatientView.class)))
    @APIResponse(responseCode = "400", description = "Invalid or malformed body; nothing was changed", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "401", description = "No or invalid access token")
    @APIResponse(responseCode = "403", description = "The caller may not change these fields", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "No such patient, or not visible to the caller", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "409", description = "Discharged, or the login is linked to another record", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "412", description = "The record changed since the ETag in If-Match", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "428", description = "If-Match is missing", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response replace(@PathParam("id") @Parameter(schema = @Schema(format = "uuid")) String id,
                            @Parameter(in = ParameterIn.HEADER, description = "ETag of the last read", example = "\"3\"")
                            @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
                            @Valid @NotNull PatientRequest request) {
        return withETag(patients.replace(caller.get(), Ids.parse("id", id), ifMatch, request));
    }

    @PATCH
    @Path("/{id}")
    @Consumes({MERGE_PATCH, MediaType.APPLICATION_JSON})
    @RolesAllowed({Role.PATIENT, Role.PHYSICIAN, Role.PHYSICAL_THERAPIST, Role.PSYCHOLOGIST, Role.ADMIN})
    @Operation(operationId = "patchPatient", summary = "Change some fields of a patient record",
            description = "A JSON merge patch (RFC 7386): the named fields are replaced, null clears one. "
                    + "If-Match is required; the same permissions as PUT apply to the fields that change.")
    @RequestBody(required = true, content = @Content(mediaType = MERGE_PATCH,
            schema = @Schema(type = SchemaType.OBJECT, additionalProperties = Schema.True.class,
                    description = "Any fields of PatientRequest; a field set to null is cleared"),
            examples = @ExampleObject(name = "new phone number", value = "{\"phone\": \"+46 70 765 43 21\"}")))
    @APIResponse(responseCode = "200", description = "Updated", headers = @Header(name = "ETag", description = "The new version"),
            content = @Content(schema = @Schema(implementation = PatientView.class)))
    @APIResponse(responseCode = "400", description = "Invalid or malformed patch; nothing was changed", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "401", description = "No or invalid access token")
    @APIResponse(responseCode = "403", description = "The caller may not change these fields", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "No such patient, or not visible to the caller", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "409", description = "Discharged, or the login is linked to another record", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "412", description = "The record changed since the ETag in If-Match", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "428", description = "If-Match is missing", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response patch(@PathParam("id") @Parameter(schema = @Schema(format = "uuid")) String id,
                          @Parameter(in = ParameterIn.HEADER, description = "ETag of the last read", example = "\"3\"")
                          @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
                          String body) throws JsonProcessingException {
        UUID patientId = Ids.parse("id", id);
        if (body == null || body.isBlank()) {
            throw new ProblemException(ProblemType.MALFORMED, "the merge patch is empty");
        }
        JsonNode patch = json.readTree(body);
        return withETag(patients.patch(caller.get(), patientId, ifMatch, patch));
    }

    @POST
    @Path("/{id}/discharge")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Role.PHYSICIAN, Role.ADMIN})
    @Operation(operationId = "dischargePatient", summary = "Discharge a patient", description = "Ends the episode of care; the record becomes read-only.")
    @RequestBody(required = true, content = @Content(schema = @Schema(implementation = DischargeRequest.class)))
    @APIResponse(responseCode = "200", description = "Discharged", content = @Content(schema = @Schema(implementation = PatientView.class)))
    @APIResponse(responseCode = "400", description = "Reason missing", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "401", description = "No or invalid access token")
    @APIResponse(responseCode = "403", description = "Only a physician on the team or an admin", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "No such patient, or not visible to the caller", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "409", description = "Already discharged", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response discharge(@PathParam("id") @Parameter(schema = @Schema(format = "uuid")) String id,
                              @Valid @NotNull DischargeRequest request) {
        return withETag(patients.discharge(caller.get(), Ids.parse("id", id), request.reason()));
    }

    static Response withETag(PatientView p) {
        return Response.ok(p).tag(unquoted(p.version())).build();
    }

    /** JAX-RS quotes the tag itself; ETags.of gives the quoted form clients see. */
    private static String unquoted(long version) {
        return Long.toString(version);
    }
}
