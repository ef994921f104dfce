package org.backcare.plan.export;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceException;
import jakarta.transaction.Transactional;
import org.backcare.platform.access.Caller;
import org.backcare.plan.audit.AuditAction;
import org.backcare.platform.audit.AuditLog;
import org.backcare.platform.fhir.FhirException;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.hl7.fhir.r4.model.OperationOutcome.IssueType;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;

/** Kick-off, status, cancellation and files of Bulk Data exports; the work itself is {@link ExportWorker}'s. */
@ApplicationScoped
public class ExportService {

    /** What a kick-off asks for. */
    public record Request(String kind, List<String> types, Instant since, String requestUrl, String baseUrl) {
    }

    private final EntityManager em;
    private final ObjectMapper json;
    private final AuditLog audit;
    private final Clock clock;
    private final Path dir;
    private final int retryAfter;

    public ExportService(EntityManager em, ObjectMapper json, AuditLog audit, Clock clock,
                         @ConfigProperty(name = "backcare.export.dir") Path dir,
                         @ConfigProperty(name = "backcare.export.retry-after") int retryAfter) {
        this.em = em;
        this.json = json;
        this.audit = audit;
        this.clock = clock;
        this.dir = dir;
        this.retryAfter = retryAfter;
    }

    public int retryAfter() {
        return retryAfter;
    }

    /** Queues an export; 429 while the same integrator still has one queued or running. */
    @Transactional
    public ExportJob kickOff(Caller caller, Request request) {
        if (ExportJob.count("requestedBy = ?1 and status in ?2", caller.subject(),
                List.of(ExportStatus.QUEUED, ExportStatus.RUNNING)) > 0) {
            throw tooMany();
        }
        ExportJob job = new ExportJob();
        job.id = UUID.randomUUID();
        job.requestedBy = caller.subject();
        job.kind = request.kind();
        job.types = String.join(",", request.types());
        job.since = request.since();
        job.status = ExportStatus.QUEUED;
        job.transactionTime = Instant.now(clock);
        job.request = request.requestUrl().length() > 2000 ? request.requestUrl().substring(0, 2000) : request.requestUrl();
        job.baseUrl = request.baseUrl();
        job.output = "[]";
        job.createdAt = job.transactionTime;
        try {
            job.persist();
            em.flush();
        } catch (PersistenceException raced) {
            // The unique index caught a kick-off racing with another one of the same integrator.
            throw tooMany();
        }
        audit.record(caller, AuditAction.FHIR_EXPORT, null, "kick-off " + job.id + " " + job.kind + " " + job.types
                + (job.since != null ? " since " + job.since : ""));
        return job;
    }

    /** The caller's own job; 404 for anyone else's, and for a cancelled or expired one. */
    @Transactional
    public ExportJob job(Caller caller, UUID id) {
        ExportJob job = ExportJob.findById(id);
        if (job == null || !job.requestedBy.equals(caller.subject()) || job.status == ExportStatus.CANCELLED
                || job.status == ExportStatus.EXPIRED) {
            throw FhirException.notFound("export job " + id + " was not found");
        }
        return job;
    }

    /** Cancels a queued, running or completed export and deletes its files; the worker stops at its next check. */
    public void cancel(Caller caller, UUID id) {
        QuarkusTransaction.requiringNew().run(() -> {
            ExportJob job = job(caller, id);
            job.status = ExportStatus.CANCELLED;
            job.finishedAt = Instant.now(clock);
            audit.record(caller, AuditAction.FHIR_EXPORT, null, "cancel " + id);
        });
        // Only once the cancellation is committed: a cancellation that did not commit keeps a complete export.
        deleteFiles(id);
    }

    /** A file of the caller's completed export, or 404. */
    @Transactional
    public Path file(Caller caller, UUID id, String fileName) {
        ExportJob job = job(caller, id);
        if (job.status != ExportStatus.COMPLETED
                || output(job).stream().noneMatch(f -> f.file().equals(fileName))) {
            throw FhirException.notFound("file " + fileName + " of export job " + id + " was not found");
        }
        Path file = directory(id).resolve(fileName);
        if (!Files.isRegularFile(file)) {
            throw FhirException.notFound("file " + fileName + " of export job " + id + " was not found");
        }
        audit.record(caller, AuditAction.FHIR_EXPORT, null, "download " + id + " " + fileName);
        return file;
    }

    public List<ExportJob.ExportFile> output(ExportJob job) {
        try {
            return json.readValue(job.output, new TypeReference<List<ExportJob.ExportFile>>() {
            });
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("export job " + job.id + " has unreadable output", e);
        }
    }

    public String writeOutput(List<ExportJob.ExportFile> files) {
        try {
            return json.writeValueAsString(files);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    public Path directory(UUID id) {
        return dir.resolve(id.toString());
    }

    public void deleteFiles(UUID id) {
        Path directory = directory(id);
        if (!Files.exists(directory)) {
            return;
        }
        try (Stream<Path> files = Files.walk(directory)) {
            for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("could not delete the files of export " + id, e);
        }
    }

    private FhirException tooMany() {
        return new FhirException(429, IssueType.THROTTLED,
                "an export of yours is still in progress; wait for it to finish or cancel it",
                Map.of("Retry-After", Integer.toString(retryAfter)));
    }
}
