package org.backcare.patient.export;

import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.backcare.patient.access.Caller;
import org.backcare.patient.fhir.Fhir;
import org.backcare.patient.fhir.FhirCallers;
import org.backcare.patient.fhir.FhirException;
import org.backcare.patient.fhir.FhirMapper;
import org.backcare.patient.fhir.InstantRange;
import org.backcare.patient.fhir.OperationOutcomes;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * FHIR Bulk Data export (system level and Patient level, which are the same here: every patient) for integrators.
 * Kick-off answers 202 with the status URL in Content-Location; the status URL answers 202 with Retry-After and
 * X-Progress while the job runs, 200 with the manifest when done, and DELETE cancels; files are NDJSON.
 */
@Path(Fhir.ROOT)
@Tag(name = "FHIR Bulk Data export", description = "Asynchronous NDJSON export of Patient, CareTeam and Flag for integrators")
public class ExportResource {

    private static final Set<String> KICK_OFF_PARAMETERS = Set.of("_type", "_since", "_outputFormat");
    private static final Set<String> NDJSON_FORMATS = Set.of(Fhir.NDJSON, "application/ndjson", "ndjson");

    private final ExportService exports;
    private final FhirCallers callers;

    public ExportResource(ExportService exports, FhirCallers callers) {
        this.exports = exports;
        this.callers = callers;
    }

    @GET
    @Path("$export")
    @Produces({Fhir.JSON, MediaType.APPLICATION_JSON})
    @Operation(summary = "Kick off a system-level Bulk Data export",
            description = "Needs Prefer: respond-async. _type (Patient, CareTeam, Flag), _since (an instant) and "
                    + "_outputFormat (application/fhir+ndjson) are supported. One export in progress per integrator.")
    @APIResponse(responseCode = "202", description = "Accepted", headers = @Header(name = "Content-Location", description = "The status URL to poll"))
    @APIResponse(responseCode = "400", description = "Missing Prefer: respond-async, or an unsupported parameter (OperationOutcome)", content = @Content(mediaType = Fhir.JSON))
    @APIResponse(responseCode = "401", description = "No or invalid access token", content = @Content(mediaType = Fhir.JSON))
    @APIResponse(responseCode = "403", description = "Not an integrator (OperationOutcome)", content = @Content(mediaType = Fhir.JSON))
    @APIResponse(responseCode = "429", description = "An export of this integrator is in progress", headers = @Header(name = "Retry-After"), content = @Content(mediaType = Fhir.JSON))
    public Response systemExport(@HeaderParam("Prefer") String prefer, UriInfo uri) {
        return kickOff(prefer, uri);
    }

    @GET
    @Path("Patient/$export")
    @Produces({Fhir.JSON, MediaType.APPLICATION_JSON})
    @Operation(summary = "Kick off a Patient-level Bulk Data export", description = "As the system-level export: all patients.")
    @APIResponse(responseCode = "202", description = "Accepted", headers = @Header(name = "Content-Location", description = "The status URL to poll"))
    @APIResponse(responseCode = "400", description = "Missing Prefer: respond-async, or an unsupported parameter (OperationOutcome)", content = @Content(mediaType = Fhir.JSON))
    @APIResponse(responseCode = "401", description = "No or invalid access token", content = @Content(mediaType = Fhir.JSON))
    @APIResponse(responseCode = "403", description = "Not an integrator (OperationOutcome)", content = @Content(mediaType = Fhir.JSON))
    @APIResponse(responseCode = "429", description = "An export of this integrator is in progress", headers = @Header(name = "Retry-After"), content = @Content(mediaType = Fhir.JSON))
    public Response patientExport(@HeaderParam("Prefer") String prefer, UriInfo uri) {
        return kickOff(prefer, uri);
    }

    @GET
    @Path("$export-status/{job}")
    @Produces({MediaType.APPLICATION_JSON, Fhir.JSON})
    @Operation(summary = "Poll an export", description = "202 with Retry-After and X-Progress while it runs, 200 with the manifest when it is done.")
    @APIResponse(responseCode = "200", description = "The manifest", content = @Content(mediaType = MediaType.APPLICATION_JSON))
    @APIResponse(responseCode = "202", description = "Still running", headers = {@Header(name = "Retry-After"), @Header(name = "X-Progress")})
    @APIResponse(responseCode = "401", description = "No or invalid access token", content = @Content(mediaType = Fhir.JSON))
    @APIResponse(responseCode = "404", description = "Unknown, cancelled, expired, or another integrator's job", content = @Content(mediaType = Fhir.JSON))
    @APIResponse(responseCode = "500", description = "The export failed (OperationOutcome)", content = @Content(mediaType = Fhir.JSON))
    public Response status(@PathParam("job") String jobId, UriInfo uri) {
        ExportJob job = exports.status(callers.integrator(), jobId);
        return switch (job.status) {
            case ACCEPTED, RUNNING -> Response.accepted()
                    .header("Retry-After", ExportService.RETRY_AFTER_SECONDS)
                    .header("X-Progress", job.progress)
                    .build();
            case FAILED -> OperationOutcomes.response(500, job.error);
            default -> Response.ok(manifest(job, uri)).type(MediaType.APPLICATION_JSON).build();
        };
    }

    @DELETE
    @Path("$export-status/{job}")
    @Produces({Fhir.JSON, MediaType.APPLICATION_JSON})
    @Operation(summary = "Cancel an export", description = "Stops it if it runs and deletes its files.")
    @APIResponse(responseCode = "202", description = "Cancelled")
    @APIResponse(responseCode = "401", description = "No or invalid access token", content = @Content(mediaType = Fhir.JSON))
    @APIResponse(responseCode = "404", description = "Unknown, already cancelled, or another integrator's job", content = @Content(mediaType = Fhir.JSON))
    public Response cancel(@PathParam("job") String jobId) {
        exports.cancel(callers.integrator(), jobId);
        return Response.accepted().build();
    }

    @GET
    @Path("$export-file/{job}/{file}")
    @Produces({Fhir.NDJSON, Fhir.JSON})
    @Operation(summary = "Download an export file", description = "Only for the integrator who started the export.")
    @APIResponse(responseCode = "200", description = "NDJSON, one resource a line", content = @Content(mediaType = Fhir.NDJSON))
    @APIResponse(responseCode = "401", description = "No or invalid access token", content = @Content(mediaType = Fhir.JSON))
    @APIResponse(responseCode = "404", description = "Unknown, or another integrator's file", content = @Content(mediaType = Fhir.JSON))
    public Response file(@PathParam("job") String jobId, @PathParam("file") String fileName) {
        java.nio.file.Path file = exports.file(callers.integrator(), jobId, fileName);
        return Response.ok(file.toFile()).type(Fhir.NDJSON).build();
    }

    private Response kickOff(String prefer, UriInfo uri) {
        Caller caller = callers.integrator();
        if (prefer == null || !prefer.toLowerCase(java.util.Locale.ROOT).contains("respond-async")) {
            throw FhirException.badRequest("a Bulk Data export needs the header Prefer: respond-async");
        }
        MultivaluedMap<String, String> query = uri.getQueryParameters();
        for (String name : query.keySet()) {
            if (!KICK_OFF_PARAMETERS.contains(name)) {
                throw FhirException.notSupported("'" + name + "' is not supported by this export; supported: "
                        + String.join(", ", new java.util.TreeSet<>(KICK_OFF_PARAMETERS)));
            }
        }
        List<String> formats = query.get("_outputFormat");
        if (formats != null && formats.stream().anyMatch(f -> !NDJSON_FORMATS.contains(f))) {
            throw FhirException.notSupported("_outputFormat: only application/fhir+ndjson is written");
        }
        List<String> types = types(query.get("_type"));
        Instant since = null;
        List<String> sinces = query.get("_since");
        if (sinces != null) {
            if (sinces.size() > 1) {
                throw FhirException.badRequest("_since: give it once");
            }
            since = InstantRange.parseInstant("_since", sinces.get(0));
        }
        ExportJob job = exports.kickOff(caller, uri.getRequestUri().toString(), types, since);
        String status = Fhir.base(uri) + "/$export-status/" + job.id;
        return Response.accepted().header("Content-Location", status).build();
    }

    /** The requested types in export order; all of them when _type is absent. */
    static List<String> types(List<String> values) {
        if (values == null || values.isEmpty()) {
            return FhirMapper.Type.names();
        }
        Set<String> requested = new LinkedHashSet<>();
        for (String value : values) {
            for (String name : value.split(",")) {
                String type = name.strip();
                if (FhirMapper.Type.of(type) == null) {
                    throw FhirException.notSupported("_type: '" + type + "' is not exported by this service; "
                            + "it exports " + String.join(", ", FhirMapper.Type.names()));
                }
                requested.add(type);
            }
        }
        return FhirMapper.Type.names().stream().filter(requested::contains).toList();
    }

    private static Map<String, Object> manifest(ExportJob job, UriInfo uri) {
        String base = Fhir.base(uri);
        List<Map<String, Object>> output = new ArrayList<>();
        for (ExportFile file : job.files) {
            Map<String, Object> entry = new LinkedHashMap<>();
            entry.put("type", file.resourceType);
            entry.put("url", base + "/$export-file/" + job.id + "/" + file.fileName);
            entry.put("count", file.resourceCount);
            output.add(entry);
        }
        Map<String, Object> manifest = new LinkedHashMap<>();
        manifest.put("transactionTime", job.transactionTime.toString());
        manifest.put("request", job.requestUrl);
        manifest.put("requiresAccessToken", true);
        manifest.put("output", output);
        manifest.put("error", List.of());
        return manifest;
    }
}
