package org.backcare.platform.export;

import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;
import jakarta.ws.rs.core.UriInfo;
import org.backcare.platform.access.Caller;
import org.backcare.platform.fhir.Fhir;
import org.backcare.platform.fhir.FhirCallers;
import org.backcare.platform.fhir.OperationOutcomes;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.util.List;

/**
 * FHIR Bulk Data export for integrators (system and Patient level, which are the same here: every patient's
 * resources). Kick-off answers 202 with the status URL in Content-Location; the status URL answers 202 with
 * Retry-After and X-Progress while the job runs, 200 with the manifest when done, and DELETE cancels; files are
 * NDJSON, downloadable through any instance of the service. Refusals are OperationOutcomes.
 */
@Path(Fhir.ROOT)
@SecurityRequirement(name = "SecurityScheme")
@Tag(name = "FHIR Bulk Data export", description = "Bulk Data $export of this service's resources (integrators)")
@Produces({Fhir.JSON, MediaType.APPLICATION_JSON})
public class BulkExportResource {

    private final ExportJobs jobs;
    private final ExportSource source;
    private final FhirCallers callers;

    public BulkExportResource(ExportJobs jobs, ExportSource source, FhirCallers callers) {
        this.jobs = jobs;
        this.source = source;
        this.callers = callers;
    }

    @GET
    @Path("$export")
    @Operation(operationId = "exportSystem", summary = "Kick off a system-level Bulk Data export", description = "Requires Prefer: respond-async. "
            + "_type, _since and _outputFormat (application/fhir+ndjson) are supported; any other parameter is a 400. "
            + "One export in progress per integrator.")
    @APIResponse(responseCode = "202", description = "Accepted; poll the Content-Location",
            headers = @Header(name = "Content-Location", description = "The status URL"),
            content = @Content(mediaType = Fhir.JSON))
    @APIResponse(responseCode = "400", description = "Missing Prefer: respond-async or a bad parameter (OperationOutcome)",
            content = @Content(mediaType = Fhir.JSON))
    @APIResponse(responseCode = "401", description = "No or invalid access token (OperationOutcome)", content = @Content(mediaType = Fhir.JSON))
    @APIResponse(responseCode = "403", description = "Not an integrator (OperationOutcome)", content = @Content(mediaType = Fhir.JSON))
    @APIResponse(responseCode = "429", description = "An export of this integrator is in progress (OperationOutcome)",
            headers = @Header(name = "Retry-After"), content = @Content(mediaType = Fhir.JSON))
    public Response systemExport(@HeaderParam("Prefer") String prefer,
                                 @QueryParam("_type") @Parameter(description = "Comma-separated resource types") List<String> types,
                                 @QueryParam("_since") @Parameter(description = "FHIR instant, e.g. 2026-01-01T00:00:00Z") String since,
                                 @QueryParam("_outputFormat") String outputFormat,
                                 @Context UriInfo uri) {
        return kickOff("system", prefer, uri);
    }

    @GET
    @Path("Patient/$export")
    @Operation(operationId = "exportPatients", summary = "Kick off a Patient-level Bulk Data export",
            description = "Every patient's resources (all of them are in the Patient compartment); as the system export.")
    @APIResponse(responseCode = "202", description = "Accepted; poll the Content-Location",
            headers = @Header(name = "Content-Location", description = "The status URL"),
            content = @Content(mediaType = Fhir.JSON))
    @APIResponse(responseCode = "400", description = "Missing Prefer: respond-async or a bad parameter (OperationOutcome)",
            content = @Content(mediaType = Fhir.JSON))
    @APIResponse(responseCode = "401", description = "No or invalid access token (OperationOutcome)", content = @Content(mediaType = Fhir.JSON))
    @APIResponse(responseCode = "403", description = "Not an integrator (OperationOutcome)", content = @Content(mediaType = Fhir.JSON))
    @APIResponse(responseCode = "429", description = "An export of this integrator is in progress (OperationOutcome)",
            headers = @Header(name = "Retry-After"), content = @Content(mediaType = Fhir.JSON))
    public Response patientExport(@HeaderParam("Prefer") String prefer,
                                  @QueryParam("_type") @Parameter(description = "Comma-separated resource types") List<String> types,
                                  @QueryParam("_since") @Parameter(description = "FHIR instant, e.g. 2026-01-01T00:00:00Z") String since,
                                  @QueryParam("_outputFormat") String outputFormat,
                                  @Context UriInfo uri) {
        return kickOff("patient", prefer, uri);
    }

    @GET
    @Path("$export-status/{job}")
    @Operation(operationId = "getExportStatus", summary = "Poll an export", description = "202 with Retry-After and X-Progress while it runs; 200 with "
            + "the manifest when complete; 500 OperationOutcome if it failed.")
    @APIResponse(responseCode = "200", description = "The manifest", content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ExportManifest.class)))
    @APIResponse(responseCode = "202", description = "Still queued or running",
            headers = {@Header(name = "Retry-After"), @Header(name = "X-Progress")})
    @APIResponse(responseCode = "404", description = "Unknown, cancelled, expired, or another integrator's export (OperationOutcome)",
            content = @Content(mediaType = Fhir.JSON))
    @APIResponse(responseCode = "500", description = "The export failed (OperationOutcome)", content = @Content(mediaType = Fhir.JSON))
    @APIResponse(responseCode = "401", description = "No or invalid access token (OperationOutcome)", content = @Content(mediaType = Fhir.JSON))
    @APIResponse(responseCode = "403", description = "Not an integrator (OperationOutcome)", content = @Content(mediaType = Fhir.JSON))
    public Response status(@PathParam("job") String jobId, @Context UriInfo uri) {
        ExportJob job = jobs.status(callers.integrator(), jobId);
        return switch (job.status) {
            case QUEUED, RUNNING -> Response.accepted()
                    .header("Retry-After", Integer.toString(jobs.retryAfter()))
                    .header("X-Progress", job.progress)
                    .build();
            case FAILED -> OperationOutcomes.response(500, job.error);
            default -> Response.ok(ExportManifest.of(job, Fhir.base(uri))).type(MediaType.APPLICATION_JSON).build();
        };
    }

    @DELETE
    @Path("$export-status/{job}")
    @Operation(operationId = "cancelExport", summary = "Cancel an export", description = "Stops it if it runs and deletes its files; the status then answers 404.")
    @APIResponse(responseCode = "202", description = "Cancelled", content = @Content(mediaType = Fhir.JSON))
    @APIResponse(responseCode = "404", description = "Unknown, already cancelled, or another integrator's export (OperationOutcome)",
            content = @Content(mediaType = Fhir.JSON))
    @APIResponse(responseCode = "401", description = "No or invalid access token (OperationOutcome)", content = @Content(mediaType = Fhir.JSON))
    @APIResponse(responseCode = "403", description = "Not an integrator (OperationOutcome)", content = @Content(mediaType = Fhir.JSON))
    public Response cancel(@PathParam("job") String jobId) {
        jobs.cancel(callers.integrator(), jobId);
        return Response.accepted(OperationOutcomes.information("export " + jobId + " was cancelled")).type(Fhir.JSON).build();
    }

    @GET
    @Path("$export-file/{job}/{file}")
    @Produces({Fhir.NDJSON, Fhir.JSON})
    @Operation(operationId = "downloadExportFile", summary = "Download an export file", description = "Only by the integrator who started the export.")
    @APIResponse(responseCode = "200", description = "NDJSON, one resource a line", content = @Content(mediaType = Fhir.NDJSON))
    @APIResponse(responseCode = "404", description = "Unknown file, or another integrator's export (OperationOutcome)",
            content = @Content(mediaType = Fhir.JSON))
    @APIResponse(responseCode = "401", description = "No or invalid access token (OperationOutcome)", content = @Content(mediaType = Fhir.JSON))
    @APIResponse(responseCode = "403", description = "Not an integrator (OperationOutcome)", content = @Content(mediaType = Fhir.JSON))
    public Response file(@PathParam("job") String jobId, @PathParam("file") String fileName) {
        ExportJobs.Download download = jobs.file(callers.integrator(), jobId, fileName);
        StreamingOutput body = out -> {
            for (int seq = 0; seq < download.chunks(); seq++) {
                byte[] chunk = jobs.chunk(download, seq);
                if (chunk == null) {
                    return;
                }
                out.write(chunk);
            }
        };
        return Response.ok(body).type(Fhir.NDJSON).build();
    }

    private Response kickOff(String kind, String prefer, UriInfo uri) {
        Caller caller = callers.integrator();
        KickOff request = KickOff.parse(prefer, uri.getQueryParameters(), source.types());
        ExportJob job = jobs.kickOff(caller, kind, request, uri.getRequestUri().toString());
        return Response.accepted(OperationOutcomes.information("export " + job.id + " was accepted; poll Content-Location"))
                .type(Fhir.JSON)
                .header("Content-Location", Fhir.base(uri) + "/$export-status/" + job.id)
                .build();
    }
}
