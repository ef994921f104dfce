package org.backcare.patient.export;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceException;
import jakarta.transaction.Transactional;
import org.backcare.platform.access.Caller;
import org.backcare.patient.audit.AuditAction;
import org.backcare.platform.audit.AuditLog;
import org.backcare.platform.fhir.FhirException;
import org.hl7.fhir.r4.model.OperationOutcome.IssueType;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Bulk Data export jobs: kick-off, status, cancellation and files, each for the integrator who started the job only
 * (anyone else gets 404, as if the job did not exist). The rule for overlapping exports: one export in progress per
 * integrator (a second kick-off answers 429 until the first completes, fails or is cancelled); the worker runs the
 * queued jobs of all integrators one after another.
 */
@ApplicationScoped
public class ExportService {

    /** Seconds a client should wait before polling again, and before retrying after a 429. */
    public static final int RETRY_AFTER_SECONDS = 2;

    private final EntityManager em;
    private final AuditLog audit;
    private final ExportFiles files;
    private final Clock clock;

    public ExportService(EntityManager em, AuditLog audit, ExportFiles files, Clock clock) {
        this.em = em;
        this.audit = audit;
        this.files = files;
        this.clock = clock;
    }

    /** Stores the job for the worker; 429 when this integrator already has one in progress. */
    @Transactional
    public ExportJob kickOff(Caller caller, String requestUrl, List<String> types, Instant since) {
        if (ExportJob.count("requestedBy = ?1 and status in ?2", caller.subject(),
                List.of(ExportStatus.ACCEPTED, ExportStatus.RUNNING)) > 0) {
            throw busy();
        }
        ExportJob job = new ExportJob();
        job.id = UUID.randomUUID();
        job.requestedBy = caller.subject();
        job.status = ExportStatus.ACCEPTED;
        job.requestUrl = requestUrl;
        job.types = String.join(",", types);
        job.since = since;
        job.createdAt = Instant.now(clock);
        job.progress = "queued";
        try {
            job.persist();
            em.flush();
        } catch (PersistenceException e) {
            // The unique index on in-progress jobs caught a kick-off racing this one.
            throw busy();
        }
        audit.record(caller, AuditAction.EXPORT, null, "kick-off " + job.id + " of " + job.types
                + (since == null ? "" : " since " + since));
        return job;
    }

    private static FhirException busy() {
        return new FhirException(429, IssueType.THROTTLED,
                "an export of yours is still in progress; wait for it to finish or cancel it before starting another",
                Map.of("Retry-After", Integer.toString(RETRY_AFTER_SECONDS)));
    }

    /** The caller's own job, detached; 404 for anyone else's, an unknown one, or one cancelled or expired. */
    @Transactional
    public ExportJob status(Caller caller, String jobId) {
        return own(caller, jobId);
    }

    /** Cancels the job (running or finished) and deletes its files; 404 as for {@link #status}. */
    public void cancel(Caller caller, String jobId) {
        UUID id = markCancelled(caller, jobId);
        // After the commit: a worker still writing sees the status and deletes what it wrote after this.
        files.delete(id);
    }

    @Transactional
    UUID markCancelled(Caller caller, String jobId) {
        ExportJob job = own(caller, jobId);
        job.status = ExportStatus.CANCELLED;
        job.progress = "cancelled";
        job.finishedAt = Instant.now(clock);
        audit.record(caller, AuditAction.EXPORT, null, "cancelled " + job.id);
        return job.id;
    }

    /** A file of the caller's completed job; 404 for anything else. */
    @Transactional
    public Path file(Caller caller, String jobId, String fileName) {
        ExportJob job = own(caller, jobId);
        if (job.status != ExportStatus.COMPLETED
                || job.files.stream().noneMatch(f -> f.fileName.equals(fileName))) {
            throw FhirException.notFound("no export file " + fileName + " in job " + jobId);
        }
        Path file = files.file(job.id, fileName);
        if (!Files.isRegularFile(file)) {
            // Listed but gone (removed by the expiry cleanup, or written where this instance cannot read it).
            throw FhirException.notFound("export file " + fileName + " of job " + jobId + " is no longer available");
        }
        audit.record(caller, AuditAction.EXPORT, null, "download " + job.id + "/" + fileName);
        return file;
    }

    private ExportJob own(Caller caller, String jobId) {
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
