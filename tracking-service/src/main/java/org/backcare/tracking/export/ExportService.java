package org.backcare.tracking.export;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.backcare.platform.access.Caller;
import org.backcare.tracking.audit.AuditAction;
import org.backcare.platform.audit.AuditLog;
import org.backcare.platform.fhir.Fhir;
import org.backcare.platform.fhir.FhirException;
import org.backcare.platform.fhir.OperationOutcomes;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.hl7.fhir.r4.model.OperationOutcome;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * FHIR Bulk Data export (kick-off, status, cancel, download) for the integrator who started it. The work itself is
 * done by {@link ExportWorker}.
 */
@ApplicationScoped
public class ExportService {

    public static final List<String> TYPES = List.of("Observation", "QuestionnaireResponse", "MedicationStatement");
    static final Set<String> NDJSON = Set.of(Fhir.NDJSON, "application/ndjson", "ndjson");

    private final ExportFiles files;
    private final ExportWorker worker;
    private final AuditLog audit;
    private final Clock clock;
    private final ObjectMapper json;
    private final int retryAfter;

    public ExportService(ExportFiles files, ExportWorker worker, AuditLog audit, Clock clock, ObjectMapper json,
                         @ConfigProperty(name = "backcare.export.retry-after") int retryAfter) {
        this.files = files;
        this.worker = worker;
        this.audit = audit;
        this.clock = clock;
        this.json = json;
        this.retryAfter = retryAfter;
    }

    /** 202 with Content-Location of the status URL; 429 while the same integrator has an export queued or running. */
    @Transactional
    public Response kickOff(Caller caller, String kind, String prefer, String outputFormat, String since,
                            List<String> type, String requestUrl, String baseUrl) {
        if (prefer == null || !prefer.toLowerCase().contains("respond-async")) {
            throw FhirException.badRequest("send Prefer: respond-async; an export only runs asynchronously");
        }
        if (outputFormat != null && !NDJSON.contains(outputFormat.strip())) {
            throw FhirException.badRequest("_outputFormat: only application/fhir+ndjson is supported");
        }
        Instant sinceInstant = null;
        if (since != null && !since.isBlank()) {
            try {
                sinceInstant = OffsetDateTime.parse(since.strip()).toInstant();
            } catch (DateTimeParseException e) {
                throw FhirException.badRequest("_since: '" + since + "' is not a FHIR instant such as 2026-03-02T10:00:00Z");
            }
        }
        Set<String> types = new LinkedHashSet<>();
        if (type != null) {
            for (String list : type) {
                for (String t : list.split(",")) {
                    if (t.isBlank()) {
                        continue;
                    }
                    if (!TYPES.contains(t.strip())) {
                        throw FhirException.badRequest("_type: tracking-service exports " + String.join(", ", TYPES)
                                + ", not '" + t.strip() + "'");
                    }
                    types.add(t.strip());
                }
            }
        }
        if (types.isEmpty()) {
            types.addAll(TYPES);
        }
        if (ExportJob.count("requestedBy = ?1 and status in ?2", caller.subject(),
                List.of(ExportJob.QUEUED, ExportJob.RUNNING)) > 0) {
            throw tooMany();
        }
        ExportJob job = new ExportJob();
        job.id = UUID.randomUUID();
        job.requestedBy = caller.subject();
        job.kind = kind;
        job.types = String.join(",", types);
        job.since = sinceInstant;
        job.request = requestUrl.length() > 2000 ? requestUrl.substring(0, 2000) : requestUrl;
        job.status = ExportJob.QUEUED;
        job.transactionTime = Instant.now(clock);
        job.createdAt = job.transactionTime;
        job.progress = "queued";
        try {
            job.persistAndFlush();
        } catch (jakarta.persistence.PersistenceException raced) {
            // The partial unique index caught a second kick-off racing this one.
            throw tooMany();
        }
        audit.record(caller, AuditAction.FHIR_EXPORT, null, kind + " export " + job.id + " of " + job.types);
        return Response.accepted(OperationOutcomes.information("export " + job.id + " queued; poll Content-Location"))
                .type(Fhir.JSON)
                .header("Content-Location", baseUrl + "fhir/$export-status/" + job.id)
                .build();
    }

    private FhirException tooMany() {
        return new FhirException(429, OperationOutcome.IssueType.THROTTLED,
                "you already have an export queued or running; wait for it to finish or cancel it",
                Map.of("Retry-After", Integer.toString(retryAfter)));
    }

    /** 202 + Retry-After + X-Progress while it runs, 200 with the manifest when done, 500 when it failed. */
    @Transactional
    public Response status(Caller caller, String jobId, String baseUrl) {
        ExportJob job = own(caller, jobId);
        return switch (job.status) {
            case ExportJob.QUEUED, ExportJob.RUNNING -> {
                String progress = worker.progress(job.id);
                yield Response.accepted().header("Retry-After", Integer.toString(retryAfter))
                        .header("X-Progress", progress != null ? progress : job.progress).build();
            }
            case ExportJob.FAILED -> OperationOutcomes.response(500, job.error);
            default -> Response.ok(manifest(job, baseUrl), MediaType.APPLICATION_JSON).build();
        };
    }

    private ObjectNode manifest(ExportJob job, String baseUrl) {
        ObjectNode manifest = json.createObjectNode();
        manifest.put("transactionTime", job.transactionTime.toString());
        manifest.put("request", job.request);
        manifest.put("requiresAccessToken", true);
        ArrayNode output = manifest.putArray("output");
        for (ExportJob.Output o : job.outputs) {
            if (o.count() > 0) {
                output.addObject().put("type", o.type())
                        .put("url", baseUrl + "fhir/$export-file/" + job.id + "/" + o.fileName())
                        .put("count", o.count());
            }
        }
        manifest.putArray("error");
        return manifest;
    }

    /** Cancels a queued or running export, or deletes the files of a finished one: 202; afterwards the job is 404. */
    @Transactional
    public Response cancel(Caller caller, String jobId) {
        ExportJob job = own(caller, jobId);
        job.status = ExportJob.CANCELLED;
        job.finishedAt = Instant.now(clock);
        worker.cancel(job.id);
        files.delete(job.id);
        return Response.accepted(OperationOutcomes.information("export " + job.id + " cancelled")).type(Fhir.JSON).build();
    }

    /** One NDJSON file of a completed export of this integrator. */
    @Transactional
    public Path file(Caller caller, String jobId, String fileName) {
        ExportJob job = own(caller, jobId);
        boolean listed = ExportJob.COMPLETED.equals(job.status)
                && job.outputs.stream().anyMatch(o -> o.fileName().equals(fileName));
        Path file = files.file(job.id, fileName);
        if (!listed || !Files.isRegularFile(file)) {
            throw FhirException.notFound("export " + jobId + " has no file " + fileName);
        }
        return file;
    }

    /**
     * The caller's own export; another integrator's, or a cancelled or expired one, is 404 like one that never
     * existed.
     */
    private static ExportJob own(Caller caller, String jobId) {
        UUID id;
        try {
            id = UUID.fromString(jobId);
        } catch (IllegalArgumentException e) {
            throw FhirException.notFound("no export " + jobId);
        }
        ExportJob job = ExportJob.findById(id);
        if (job == null || !job.requestedBy.equals(caller.subject()) || ExportJob.CANCELLED.equals(job.status)
                || ExportJob.EXPIRED.equals(job.status)) {
            throw FhirException.notFound("no export " + jobId);
        }
        return job;
    }

}
