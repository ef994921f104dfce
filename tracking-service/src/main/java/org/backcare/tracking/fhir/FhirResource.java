package org.backcare.tracking.fhir;

import org.backcare.platform.fhir.FhirCallers;
import org.backcare.platform.fhir.Fhir;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.EntityTag;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.backcare.tracking.export.ExportService;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.hl7.fhir.r4.model.Resource;

import java.time.Instant;
import java.util.Date;
import java.util.List;

/**
 * FHIR R4 for EHRs: read and search Observation (pain, sleep, mood, function, stress, ODI score),
 * QuestionnaireResponse (ODI) and MedicationStatement (intake log), and Bulk Data $export for integrators.
 */
@Path("/fhir")
@Tag(name = "FHIR", description = "FHIR R4 read/search API and Bulk Data $export (application/fhir+json)")
@Produces({Fhir.JSON, MediaType.APPLICATION_JSON})
public class FhirResource {

    private static final Date STARTED = Date.from(Instant.now());

    private final FhirApi api;
    private final ExportService exports;
    private final FhirCallers callers;

    public FhirResource(FhirApi api, ExportService exports, FhirCallers callers) {
        this.api = api;
        this.exports = exports;
        this.callers = callers;
    }

    @GET
    @Path("/metadata")
    @Operation(summary = "CapabilityStatement: what this FHIR endpoint serves")
    @APIResponse(responseCode = "200", description = "CapabilityStatement", content = @Content(mediaType = Fhir.JSON, schema = @Schema(type = org.eclipse.microprofile.openapi.annotations.enums.SchemaType.OBJECT)))
    public Response metadata(UriInfo uri) {
        return Response.ok(CapabilityStatements.of(uri.getBaseUri() + "fhir", STARTED)).type(Fhir.JSON).build();
    }

    @SecurityRequirement(name = "SecurityScheme")
    @APIResponse(responseCode = "401", description = "No or invalid access token (OperationOutcome)", content = @Content(mediaType = Fhir.JSON))
    @GET
    @Path("/{type}")
    @Operation(summary = "Search Observation, QuestionnaireResponse or MedicationStatement",
            description = "Parameters patient, date, _lastUpdated (prefixes eq, gt, ge, lt, le), _count (default 50, at "
                    + "most 500) and _offset. Without patient: integrators and admins only. A Bundle searchset with total "
                    + "and self/next links; errors are OperationOutcome.")
    @APIResponse(responseCode = "200", description = "Bundle searchset", content = @Content(mediaType = Fhir.JSON, schema = @Schema(type = org.eclipse.microprofile.openapi.annotations.enums.SchemaType.OBJECT)))
    @APIResponse(responseCode = "400", description = "Bad parameter (OperationOutcome)", content = @Content(mediaType = Fhir.JSON, schema = @Schema(type = org.eclipse.microprofile.openapi.annotations.enums.SchemaType.OBJECT)))
    @APIResponse(responseCode = "403", description = "Search across patients without the integrator role (OperationOutcome)", content = @Content(mediaType = Fhir.JSON, schema = @Schema(type = org.eclipse.microprofile.openapi.annotations.enums.SchemaType.OBJECT)))
    @APIResponse(responseCode = "404", description = "Unknown type, or patient not visible (OperationOutcome)", content = @Content(mediaType = Fhir.JSON, schema = @Schema(type = org.eclipse.microprofile.openapi.annotations.enums.SchemaType.OBJECT)))
    public Response search(@PathParam("type") String type, UriInfo uri) {
        return Response.ok(api.search(callers.authenticated(), type, uri)).type(Fhir.JSON).build();
    }

    @SecurityRequirement(name = "SecurityScheme")
    @APIResponse(responseCode = "401", description = "No or invalid access token (OperationOutcome)", content = @Content(mediaType = Fhir.JSON))
    @GET
    @Path("/{type}/{id}")
    @Operation(summary = "Read one resource", description = "ETag W/\"version\" and meta.versionId/lastUpdated.")
    @APIResponse(responseCode = "200", description = "The resource", content = @Content(mediaType = Fhir.JSON, schema = @Schema(type = org.eclipse.microprofile.openapi.annotations.enums.SchemaType.OBJECT)))
    @APIResponse(responseCode = "404", description = "Unknown, or its patient is not visible (OperationOutcome)", content = @Content(mediaType = Fhir.JSON, schema = @Schema(type = org.eclipse.microprofile.openapi.annotations.enums.SchemaType.OBJECT)))
    public Response read(@PathParam("type") String type, @PathParam("id") String id) {
        Resource resource = api.read(callers.authenticated(), type, id);
        return Response.ok(resource).type(Fhir.JSON)
                .tag(new EntityTag(resource.getMeta().getVersionId(), true))
                .lastModified(resource.getMeta().getLastUpdated())
                .build();
    }

    @SecurityRequirement(name = "SecurityScheme")
    @APIResponse(responseCode = "401", description = "No or invalid access token (OperationOutcome)", content = @Content(mediaType = Fhir.JSON))
    @GET
    @Path("/$export")
    @Operation(summary = "Bulk Data export kick-off (system level)",
            description = "Needs Prefer: respond-async. _type (Observation, QuestionnaireResponse, MedicationStatement), "
                    + "_since, _outputFormat application/fhir+ndjson. 202 with Content-Location of the status URL; 429 "
                    + "while the same integrator has an export queued or running.")
    @APIResponse(responseCode = "202", description = "Accepted; poll Content-Location")
    @APIResponse(responseCode = "400", description = "Bad parameter or no Prefer: respond-async (OperationOutcome)")
    @APIResponse(responseCode = "429", description = "An export of this integrator is already running; Retry-After")
    public Response export(@HeaderParam("Prefer") String prefer, @QueryParam("_outputFormat") String outputFormat,
                           @QueryParam("_since") String since, @QueryParam("_type") List<String> types, UriInfo uri) {
        return exports.kickOff(callers.integrator(), "system", prefer, outputFormat, since, types,
                uri.getRequestUri().toString(), uri.getBaseUri().toString());
    }

    @SecurityRequirement(name = "SecurityScheme")
    @APIResponse(responseCode = "401", description = "No or invalid access token (OperationOutcome)", content = @Content(mediaType = Fhir.JSON))
    @GET
    @Path("/Patient/$export")
    @Operation(summary = "Bulk Data export kick-off (all patients)", description = "As GET /fhir/$export.")
    @APIResponse(responseCode = "202", description = "Accepted; poll Content-Location")
    @APIResponse(responseCode = "400", description = "Bad parameter or no Prefer: respond-async (OperationOutcome)")
    @APIResponse(responseCode = "429", description = "An export of this integrator is already running; Retry-After")
    public Response patientExport(@HeaderParam("Prefer") String prefer, @QueryParam("_outputFormat") String outputFormat,
                                  @QueryParam("_since") String since, @QueryParam("_type") List<String> types,
                                  UriInfo uri) {
        return exports.kickOff(callers.integrator(), "patient", prefer, outputFormat, since, types,
                uri.getRequestUri().toString(), uri.getBaseUri().toString());
    }

    @SecurityRequirement(name = "SecurityScheme")
    @APIResponse(responseCode = "401", description = "No or invalid access token (OperationOutcome)", content = @Content(mediaType = Fhir.JSON))
    @GET
    @Path("/$export-status/{jobId}")
    @Operation(summary = "Bulk Data export status",
            description = "202 with Retry-After and X-Progress while running; 200 with the manifest (transactionTime, "
                    + "request, requiresAccessToken, output, error) when done. Only the integrator who started it.")
    @APIResponse(responseCode = "200", description = "Manifest", content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(type = org.eclipse.microprofile.openapi.annotations.enums.SchemaType.OBJECT)))
    @APIResponse(responseCode = "202", description = "Still running")
    @APIResponse(responseCode = "404", description = "No such export of this integrator, or cancelled (OperationOutcome)")
    public Response status(@PathParam("jobId") String jobId, UriInfo uri) {
        return exports.status(callers.integrator(), jobId, uri.getBaseUri().toString());
    }

    @SecurityRequirement(name = "SecurityScheme")
    @APIResponse(responseCode = "401", description = "No or invalid access token (OperationOutcome)", content = @Content(mediaType = Fhir.JSON))
    @DELETE
    @Path("/$export-status/{jobId}")
    @Operation(summary = "Cancel a Bulk Data export, or delete its files")
    @APIResponse(responseCode = "202", description = "Cancelled")
    @APIResponse(responseCode = "404", description = "No such export of this integrator (OperationOutcome)")
    public Response cancel(@PathParam("jobId") String jobId) {
        return exports.cancel(callers.integrator(), jobId);
    }

    @SecurityRequirement(name = "SecurityScheme")
    @APIResponse(responseCode = "401", description = "No or invalid access token (OperationOutcome)", content = @Content(mediaType = Fhir.JSON))
    @GET
    @Path("/$export-file/{jobId}/{fileName}")
    @Produces({Fhir.NDJSON, Fhir.JSON, MediaType.APPLICATION_JSON})
    @Operation(summary = "Download one NDJSON file of a completed export", description = "Only the integrator who started it.")
    @APIResponse(responseCode = "200", description = "NDJSON, one resource a line", content = @Content(mediaType = Fhir.NDJSON, schema = @Schema(type = org.eclipse.microprofile.openapi.annotations.enums.SchemaType.STRING)))
    @APIResponse(responseCode = "404", description = "No such file of this integrator's exports (OperationOutcome)")
    public Response file(@PathParam("jobId") String jobId, @PathParam("fileName") String fileName) {
        return Response.ok(exports.file(callers.integrator(), jobId, fileName).toFile(), Fhir.NDJSON).build();
    }
}
