package org.backcare.plan.export;

import org.backcare.platform.fhir.OperationOutcomes;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.backcare.platform.access.CurrentCaller;
import org.backcare.platform.access.Role;
import org.backcare.platform.fhir.Fhir;
import org.backcare.platform.fhir.FhirException;
import org.backcare.plan.fhir.FhirIds;
import org.backcare.plan.fhir.FhirResource;
import org.backcare.plan.fhir.FhirStore;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * FHIR Bulk Data export (system and patient level) for integrators: kick-off, status polling, cancellation and
 * download of the NDJSON files by the integrator who started the export.
 */
@Path("/fhir")
@Tag(name = "FHIR Bulk Data", description = "Bulk Data $export of CarePlan, Goal and MedicationRequest (integrators)")
@Produces({Fhir.JSON, MediaType.APPLICATION_JSON})
@RolesAllowed(Role.INTEGRATOR)
public class ExportResource {

    private static final Set<String> KICK_OFF_PARAMETERS = Set.of("_type", "_since", "_outputFormat");
    private static final Set<String> NDJSON_FORMATS = Set.of(Fhir.NDJSON, "application/ndjson", "ndjson");

    private final ExportService exports;
    private final CurrentCaller caller;

    public ExportResource(ExportService exports, CurrentCaller caller) {
        this.exports = exports;
        this.caller = caller;
    }

    @GET
    @Path("/$export")
    @Operation(summary = "Kick off a system export", description = "Requires Prefer: respond-async. Answers 202 with "
            + "Content-Location, the status URL to poll. One export at a time per integrator (429 otherwise).")
    @APIResponse(responseCode = "202", description = "Accepted; poll the Content-Location")
    @APIResponse(responseCode = "400", description = "Missing Prefer: respond-async or a bad parameter (OperationOutcome)",
            content = @Content(mediaType = Fhir.JSON))
    @APIResponse(responseCode = "401", description = "No or invalid access token")
    @APIResponse(responseCode = "403", description = "Not an integrator (OperationOutcome)", content = @Content(mediaType = Fhir.JSON))
    @APIResponse(responseCode = "429", description = "An export of yours is in progress (OperationOutcome, Retry-After)",
            content = @Content(mediaType = Fhir.JSON))
    public Response systemExport(@HeaderParam("Prefer") String prefer,
                                 @QueryParam("_outputFormat") String outputFormat,
                                 @QueryParam("_since") @Parameter(description = "FHIR instant, e.g. 2026-01-01T00:00:00Z") String since,
                                 @QueryParam("_type") @Parameter(description = "Comma-separated resource types") List<String> types,
                                 UriInfo uri) {
        return kickOff("system", prefer, outputFormat, since, types, uri);
    }

    @GET
    @Path("/Patient/$export")
    @Operation(summary = "Kick off a patient export", description = "Every patient's CarePlan, Goal and MedicationRequest "
            + "resources (all of them are in the Patient compartment). Same rules as the system export.")
    @APIResponse(responseCode = "202", description = "Accepted; poll the Content-Location")
    @APIResponse(responseCode = "400", description = "Missing Prefer: respond-async or a bad parameter (OperationOutcome)",
            content = @Content(mediaType = Fhir.JSON))
    @APIResponse(responseCode = "401", description = "No or invalid access token")
    @APIResponse(responseCode = "403", description = "Not an integrator (OperationOutcome)", content = @Content(mediaType = Fhir.JSON))
    @APIResponse(responseCode = "429", description = "An export of yours is in progress (OperationOutcome, Retry-After)",
            content = @Content(mediaType = Fhir.JSON))
    public Response patientExport(@HeaderParam("Prefer") String prefer,
                                  @QueryParam("_outputFormat") String outputFormat,
                                  @QueryParam("_since") @Parameter(description = "FHIR instant, e.g. 2026-01-01T00:00:00Z") String since,
                                  @QueryParam("_type") @Parameter(description = "Comma-separated resource types") List<String> types,
                                  UriInfo uri) {
        return kickOff("patient", prefer, outputFormat, since, types, uri);
    }

    @GET
    @Path("/$export-status/{jobId}")
    @Operation(summary = "Poll an export", description = "202 with Retry-After and X-Progress while it runs; 200 with "
            + "the manifest when complete; 500 OperationOutcome if it failed.")
    @APIResponse(responseCode = "200", description = "The manifest", content = @Content(mediaType = MediaType.APPLICATION_JSON))
    @APIResponse(responseCode = "202", description = "Still running")
    @APIResponse(responseCode = "404", description = "Unknown, cancelled, or another integrator's export (OperationOutcome)",
            content = @Content(mediaType = Fhir.JSON))
    public Response status(@PathParam("jobId") String jobId) {
        ExportJob job = exports.job(caller.get(), id(jobId));
        return switch (job.status) {
            case QUEUED, RUNNING -> Response.accepted()
                    .header("Retry-After", Integer.toString(exports.retryAfter()))
                    .header("X-Progress", job.status == ExportStatus.QUEUED ? "queued" : "running, " + job.progress + "%")
                    .build();
            case FAILED -> Response.serverError().type(Fhir.JSON)
                    .entity(OperationOutcomes.of(org.hl7.fhir.r4.model.OperationOutcome.IssueType.EXCEPTION,
                            "the export failed: " + job.error)).build();
            case COMPLETED -> Response.ok(manifest(job)).type(MediaType.APPLICATION_JSON)
                    .build();
            case CANCELLED, EXPIRED -> throw FhirException.notFound("export job " + jobId + " was not found");
        };
    }

    @DELETE
    @Path("/$export-status/{jobId}")
    @Operation(summary = "Cancel an export", description = "Stops it and deletes its files; the status then answers 404.")
    @APIResponse(responseCode = "202", description = "Cancelled")
    @APIResponse(responseCode = "404", description = "Unknown, already cancelled, or another integrator's export",
            content = @Content(mediaType = Fhir.JSON))
    public Response cancel(@PathParam("jobId") String jobId) {
        exports.cancel(caller.get(), id(jobId));
        return Response.accepted(OperationOutcomes.information("export " + jobId + " was cancelled")).type(Fhir.JSON).build();
    }

    @GET
    @Path("/$export-file/{jobId}/{fileName}")
    @Produces(Fhir.NDJSON)
    @Operation(summary = "Download an export file", description = "Only by the integrator who started the export.")
    @APIResponse(responseCode = "200", description = "NDJSON, one resource a line", content = @Content(mediaType = Fhir.NDJSON))
    @APIResponse(responseCode = "404", description = "Unknown file, or another integrator's export",
            content = @Content(mediaType = Fhir.JSON))
    public Response file(@PathParam("jobId") String jobId, @PathParam("fileName") String fileName) {
        java.nio.file.Path file = exports.file(caller.get(), id(jobId), fileName);
        return Response.ok(file.toFile()).type(Fhir.NDJSON).build();
    }

    private Response kickOff(String kind, String prefer, String outputFormat, String since, List<String> typeParams,
                             UriInfo uri) {
        if (prefer == null || !prefer.toLowerCase().contains("respond-async")) {
            throw FhirException.badRequest("send Prefer: respond-async; a Bulk Data export is asynchronous");
        }
        for (String name : uri.getQueryParameters().keySet()) {
            if (!KICK_OFF_PARAMETERS.contains(name)) {
                throw FhirException.notSupported("'" + name + "' is not supported by this export; supported: "
                        + String.join(", ", new java.util.TreeSet<>(KICK_OFF_PARAMETERS)));
            }
        }
        if (outputFormat != null && !NDJSON_FORMATS.contains(outputFormat.trim())) {
            throw FhirException.notSupported("_outputFormat: only application/fhir+ndjson is supported");
        }
        List<String> types = new ArrayList<>();
        if (typeParams != null) {
            for (String param : typeParams) {
                for (String type : param.split(",")) {
                    String t = type.trim();
                    if (!FhirStore.TYPES.contains(t)) {
                        throw FhirException.notSupported("_type: '" + t + "' is not exported here; this server has "
                                + FhirStore.TYPES);
                    }
                    if (!types.contains(t)) {
                        types.add(t);
                    }
                }
            }
        }
        if (types.isEmpty()) {
            types.addAll(FhirStore.TYPES);
        }
        java.time.Instant sinceInstant = null;
        if (since != null) {
            try {
                sinceInstant = OffsetDateTime.parse(since.trim()).toInstant();
            } catch (DateTimeParseException e) {
                throw FhirException.badRequest("_since: '" + since + "' is not a FHIR instant such as 2026-01-01T00:00:00Z");
            }
        }
        String base = FhirResource.base(uri);
        ExportJob job = exports.kickOff(caller.get(),
                new ExportService.Request(kind, types, sinceInstant, uri.getRequestUri().toString(), base));
        return Response.accepted(OperationOutcomes.information("export " + job.id + " was accepted"))
                .type(Fhir.JSON)
                .header("Content-Location", base + "/$export-status/" + job.id)
                .build();
    }

    private ExportManifest manifest(ExportJob job) {
        List<ExportManifest.Item> output = exports.output(job).stream()
                .map(f -> new ExportManifest.Item(f.type(), job.baseUrl + "/$export-file/" + job.id + "/" + f.file(), f.count()))
                .toList();
        return new ExportManifest(job.transactionTime.toString(), job.request, true, output, List.of());
    }

    private static UUID id(String jobId) {
        return FhirIds.uuid(jobId).orElseThrow(() -> FhirException.notFound("export job " + jobId + " was not found"));
    }
}
