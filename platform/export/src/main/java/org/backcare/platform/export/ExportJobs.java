package org.backcare.platform.export;

import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceException;
import jakarta.transaction.Transactional;
import org.backcare.platform.access.Caller;
import org.backcare.platform.audit.AuditLog;
import org.backcare.platform.fhir.FhirException;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.hl7.fhir.r4.model.OperationOutcome.IssueType;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Kick-off, status, cancellation and files of exports, each for the integrator who started the job only (anyone
 * else gets 404, as if it did not exist). One export in progress per integrator: a second kick-off answers 429 until
 * the first completes, fails or is cancelled (a unique index holds this even when two kick-offs race).
 */
@ApplicationScoped
public class ExportJobs {

    /** A file a caller may download: its chunks are read one at a time. */
    public record Download(UUID jobId, UUID runId, String fileName, int chunks) {
    }

    private final EntityManager em;
    private final AuditLog audit;
    private final ExportSource source;
    private final Clock clock;
    private final int retryAfter;

    public ExportJobs(EntityManager em, AuditLog audit, ExportSource source, Clock clock,
                      @ConfigProperty(name = "backcare.export.retry-after") int retryAfter) {
        this.em = em;
        this.audit = audit;
        this.source = source;
        this.clock = clock;
        this.retryAfter = retryAfter;
    }

    public int retryAfter() {
        return retryAfter;
    }

    @Transactional
    public ExportJob kickOff(Caller caller, String kind, KickOff request, String requestUrl) {
        if (ExportJob.count("requestedBy = ?1 and status in ?2", caller.subject(),
                List.of(ExportStatus.QUEUED, ExportStatus.RUNNING)) > 0) {
            throw busy();
        }
        ExportJob job = new ExportJob();
        job.id = UUID.randomUUID();
        job.requestedBy = caller.subject();
        job.kind = kind;
        job.types = String.join(",", request.types());
        job.since = request.since();
        job.request = requestUrl.length() > 2000 ? requestUrl.substring(0, 2000) : requestUrl;
        job.status = ExportStatus.QUEUED;
        job.transactionTime = Instant.now(clock);
        job.createdAt = job.transactionTime;
        job.progress = "queued";
        try {
            job.persist();
            em.flush();
        } catch (PersistenceException raced) {
            // The unique index on in-progress jobs caught a kick-off racing this one.
            throw busy();
        }
        audit.record(caller, source.auditAction(), null, "kick-off " + job.id + " " + kind + " " + job.types
                + (job.since == null ? "" : " since " + job.since));
        return job;
    }

    private FhirException busy() {
        return new FhirException(429, IssueType.THROTTLED,
                "an export of yours is still in progress; wait for it to finish or cancel it before starting another",
                Map.of("Retry-After", Integer.toString(retryAfter)));
    }

    /** The caller's own job; 404 for anyone else's, an unknown one, or one cancelled or expired. */
    @Transactional
    public ExportJob status(Caller caller, String jobId) {
        ExportJob job = own(caller, jobId);
        em.detach(job);
        return job;
    }

    /**
     * Cancels the job, running or finished, and deletes its files in the same transaction: every instance stops
     * serving them at once, and a worker still running it stops at its next checkpoint.
     */
    @Transactional
    public void cancel(Caller caller, String jobId) {
        ExportJob job = own(caller, jobId);
        job.status = ExportStatus.CANCELLED;
        job.progress = "cancelled";
        job.finishedAt = Instant.now(clock);
        job.leaseUntil = null;
        ExportChunk.delete("jobId", job.id);
        audit.record(caller, source.auditAction(), null, "cancel " + job.id);
    }

    /** A file of the caller's completed job; 404 for anything else. */
    @Transactional
    public Download file(Caller caller, String jobId, String fileName) {
        ExportJob job = own(caller, jobId);
        ExportFile file = job.status != ExportStatus.COMPLETED ? null
                : job.outputs.stream().filter(f -> f.fileName().equals(fileName)).findFirst().orElse(null);
        if (file == null) {
            throw FhirException.notFound("export " + jobId + " has no file " + fileName);
        }
        audit.record(caller, source.auditAction(), null, "download " + job.id + "/" + fileName);
        return new Download(job.id, job.runId, fileName, file.chunks());
    }

    /**
     * One chunk of a download, in a transaction of its own (the response streams outside the request's); null when
     * the job was cancelled or expired meanwhile, which ends the download early.
     */
    public byte[] chunk(Download download, int seq) {
        return QuarkusTransaction.requiringNew().call(() -> {
            ExportChunk chunk = ExportChunk.findById(new ExportChunk.Key(download.jobId(), download.runId(),
                    download.fileName(), seq));
            return chunk == null ? null : chunk.data;
        });
    }

    private static ExportJob own(Caller caller, String jobId) {
        FhirException notFound = FhirException.notFound("no export job " + jobId);
        UUID id;
        try {
            id = UUID.fromString(jobId);
        } catch (IllegalArgumentException e) {
            throw notFound;
        }
        ExportJob job = ExportJob.findById(id);
        if (job == null || !job.requestedBy.equals(caller.subject())
                || job.status == ExportStatus.CANCELLED || job.status == ExportStatus.EXPIRED) {
            throw notFound;
        }
        return job;
    }
}
