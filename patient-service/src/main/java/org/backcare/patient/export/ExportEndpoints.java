package org.backcare.patient.export;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.backcare.platform.access.Caller;
import org.backcare.platform.fhir.Fhir;
import org.backcare.platform.fhir.FhirCallers;
import org.backcare.platform.fhir.FhirException;
import org.backcare.patient.fhir.FhirMapper;
import org.backcare.patient.fhir.InstantRange;
import org.backcare.platform.fhir.OperationOutcomes;

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
 * The HTTP methods are declared on {@link org.backcare.patient.fhir.FhirResource}: one resource class owns /fhir.
 */
@ApplicationScoped
public class ExportEndpoints {

    private static final Set<String> KICK_OFF_PARAMETERS = Set.of("_type", "_since", "_outputFormat");
    private static final Set<String> NDJSON_FORMATS = Set.of(Fhir.NDJSON, "application/ndjson", "ndjson");

    private final ExportService exports;
    private final FhirCallers callers;

    public ExportEndpoints(ExportService exports, FhirCallers callers) {
        this.exports = exports;
        this.callers = callers;
    }

    public Response status(String jobId, UriInfo uri) {
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

    public Response cancel(String jobId) {
        exports.cancel(callers.integrator(), jobId);
        return Response.accepted().build();
    }

    public Response file(String jobId, String fileName) {
        java.nio.file.Path file = exports.file(callers.integrator(), jobId, fileName);
        return Response.ok(file.toFile()).type(Fhir.NDJSON).build();
    }

    /** System and Patient level alike: this service's Patient compartment is every resource it holds. */
    public Response kickOff(String prefer, UriInfo uri) {
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
        List<String> order = job.typeList();
        List<ExportFile> files = new ArrayList<>(job.files);
        files.sort(java.util.Comparator.comparingInt(f -> order.indexOf(f.resourceType)));
        for (ExportFile file : files) {
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
