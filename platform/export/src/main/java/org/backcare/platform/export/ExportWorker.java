package org.backcare.platform.export;

import ca.uhn.fhir.parser.IParser;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import org.backcare.platform.fhir.Fhir;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.hibernate.LockOptions;
import org.hibernate.jpa.SpecHints;
import org.hl7.fhir.r4.model.Resource;
import org.jboss.logging.Logger;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * Runs queued exports, on every instance of the service at once without stepping on each other: a job is claimed
 * with {@code FOR UPDATE SKIP LOCKED} and held by a run with a lease that the run renews at each checkpoint. When
 * an instance stops mid-export, its lease runs out and any instance takes the job over from the start (after
 * backcare.export.max-attempts runs it fails instead). Files go into the database chunk by chunk, tagged with the
 * run: a run that lost its job cannot mix into the files of the run that took it over.
 */
@ApplicationScoped
public class ExportWorker {

    private static final Logger LOG = Logger.getLogger(ExportWorker.class);

    private final EntityManager em;
    private final ExportSource source;
    private final Clock clock;
    private final int fetchSize;
    private final int chunkSize;
    private final Duration lease;
    private final Duration runTimeout;
    private final int maxAttempts;
    private final Duration retention;
    private final Duration forgetAfter;

    public ExportWorker(EntityManager em, ExportSource source, Clock clock,
                        @ConfigProperty(name = "backcare.export.fetch-size") int fetchSize,
                        @ConfigProperty(name = "backcare.export.chunk-size") int chunkSize,
                        @ConfigProperty(name = "backcare.export.lease") Duration lease,
                        @ConfigProperty(name = "backcare.export.run-timeout") Duration runTimeout,
                        @ConfigProperty(name = "backcare.export.max-attempts") int maxAttempts,
                        @ConfigProperty(name = "backcare.export.retention") Duration retention,
                        @ConfigProperty(name = "backcare.export.forget-after") Duration forgetAfter) {
        this.em = em;
        this.source = source;
        this.clock = clock;
        this.fetchSize = fetchSize;
        this.chunkSize = chunkSize;
        this.lease = lease;
        this.runTimeout = runTimeout;
        this.maxAttempts = maxAttempts;
        this.retention = retention;
        this.forgetAfter = forgetAfter;
    }

    /** A job this run holds: its id, the run's id, and what to export. */
    public record Claimed(UUID jobId, UUID runId, ExportScope scope) {
    }

    @Scheduled(every = "${backcare.export.poll-interval}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            identity = "export-worker")
    void poll() {
        runQueued();
    }

    /** Runs queued jobs (and jobs whose run stopped) until there are none; answers how many ran. */
    public int runQueued() {
        int ran = 0;
        Claimed claimed;
        while ((claimed = QuarkusTransaction.requiringNew().call(this::claim)) != null) {
            run(claimed);
            ran++;
        }
        return ran;
    }

    /**
     * Takes the oldest queued job, or a running one whose lease ran out, and starts a new run of it; call it in a
     * transaction. Another instance claiming at the same moment skips the locked row and takes the next job.
     */
    public Claimed claim() {
        Instant now = Instant.now(clock);
        while (true) {
            ExportJob job = ExportJob.<ExportJob>find("status = ?1 or (status = ?2 and leaseUntil < ?3) order by createdAt",
                            ExportStatus.QUEUED, ExportStatus.RUNNING, now)
                    .withLock(LockModeType.PESSIMISTIC_WRITE)
                    .withHint(SpecHints.HINT_SPEC_LOCK_TIMEOUT, LockOptions.SKIP_LOCKED)
                    .firstResult();
            if (job == null) {
                return null;
            }
            boolean takenOver = job.status == ExportStatus.RUNNING;
            // Whatever a stopped run wrote is incomplete.
            ExportChunk.delete("jobId", job.id);
            if (takenOver && job.attempts >= maxAttempts) {
                LOG.warnf("export %s stopped %d times with its instance; it fails", job.id, job.attempts);
                job.status = ExportStatus.FAILED;
                job.error = "the export was interrupted " + job.attempts + " times; start it again or export less";
                job.progress = "failed";
                job.finishedAt = now;
                job.leaseUntil = null;
                continue;
            }
            job.status = ExportStatus.RUNNING;
            job.runId = UUID.randomUUID();
            job.leaseUntil = now.plus(lease);
            job.attempts++;
            job.startedAt = now;
            job.progress = takenOver ? "started again: the instance running it stopped (run " + job.attempts + ")"
                    : "started";
            if (takenOver) {
                LOG.infof("export %s taken over after its run's lease ran out (run %d)", job.id, job.attempts);
            }
            return new Claimed(job.id, job.runId, new ExportScope(job.typeList(), job.since, job.transactionTime,
                    fetchSize));
        }
    }

    /** Runs one claimed job to its end: completed, failed, or stopped because it was cancelled or taken over. */
    public void run(Claimed claimed) {
        Map<String, NdjsonChunks> files = new LinkedHashMap<>();
        for (String type : claimed.scope().types()) {
            files.put(type, new NdjsonChunks(type, chunkSize, (seq, data) -> store(claimed, type, seq, data)));
        }
        Sink sink = new Sink(claimed, files);
        try {
            QuarkusTransaction.requiringNew().timeout((int) runTimeout.toSeconds())
                    .run(() -> source.export(claimed.scope(), sink));
            files.values().forEach(NdjsonChunks::flush);
            if (!complete(claimed, files)) {
                discard(claimed);
            }
        } catch (RuntimeException e) {
            if (stopped(e)) {
                LOG.infof("export %s: run stopped, the job was cancelled or taken over", claimed.jobId());
                discard(claimed);
                return;
            }
            LOG.errorf(e, "export %s failed", claimed.jobId());
            fail(claimed, e);
        }
    }

    private static boolean stopped(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof ExportStopped) {
                return true;
            }
        }
        return false;
    }

    private void store(Claimed claimed, String type, int seq, byte[] data) {
        QuarkusTransaction.requiringNew().run(() -> {
            ExportChunk chunk = new ExportChunk();
            chunk.jobId = claimed.jobId();
            chunk.runId = claimed.runId();
            chunk.fileName = ExportFile.nameOf(type);
            chunk.seq = seq;
            chunk.data = data;
            chunk.persist();
        });
    }

    /** Records the progress and renews the lease; stops the run when the job is no longer its own. */
    private void checkpoint(Claimed claimed, String progress) {
        boolean holds = QuarkusTransaction.requiringNew().call(() -> ExportJob.update(
                "progress = ?1, leaseUntil = ?2 where id = ?3 and runId = ?4 and status = ?5",
                progress, Instant.now(clock).plus(lease), claimed.jobId(), claimed.runId(), ExportStatus.RUNNING) == 1);
        if (!holds) {
            throw new ExportStopped();
        }
    }

    /** Marks the job completed with its files, if this run still holds it; other runs' leftovers go. */
    private boolean complete(Claimed claimed, Map<String, NdjsonChunks> files) {
        return QuarkusTransaction.requiringNew().call(() -> {
            ExportJob job = em.find(ExportJob.class, claimed.jobId(), LockModeType.PESSIMISTIC_WRITE);
            if (job == null || job.status != ExportStatus.RUNNING || !claimed.runId().equals(job.runId)) {
                return false;
            }
            List<ExportFile> written = files.values().stream().map(NdjsonChunks::file).filter(f -> f.count() > 0)
                    .toList();
            job.status = ExportStatus.COMPLETED;
            job.outputs = written;
            job.progress = "completed: " + written.stream().mapToLong(ExportFile::count).sum() + " resources";
            job.finishedAt = Instant.now(clock);
            job.leaseUntil = null;
            ExportChunk.delete("jobId = ?1 and runId <> ?2", claimed.jobId(), claimed.runId());
            return true;
        });
    }

    private void fail(Claimed claimed, RuntimeException e) {
        QuarkusTransaction.requiringNew().run(() -> {
            ExportJob.update("status = ?1, error = ?2, progress = ?3, finishedAt = ?4, leaseUntil = null "
                            + "where id = ?5 and runId = ?6 and status = ?7",
                    ExportStatus.FAILED, "the export failed: " + e.getClass().getSimpleName(), "failed",
                    Instant.now(clock), claimed.jobId(), claimed.runId(), ExportStatus.RUNNING);
            ExportChunk.delete("jobId = ?1 and runId = ?2", claimed.jobId(), claimed.runId());
        });
    }

    private void discard(Claimed claimed) {
        QuarkusTransaction.requiringNew().run(() ->
                ExportChunk.delete("jobId = ?1 and runId = ?2", claimed.jobId(), claimed.runId()));
    }

    @Scheduled(every = "${backcare.export.cleanup-interval}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            identity = "export-cleanup")
    void cleanup() {
        expireFinishedBefore(Instant.now(clock).minus(retention));
    }

    /**
     * Expires the exports that finished before this instant and deletes their files in the same transaction (on
     * whichever instance runs it: the files are in the database); forgets cancelled and expired jobs
     * backcare.export.forget-after later. Answers how many expired.
     */
    public int expireFinishedBefore(Instant before) {
        return QuarkusTransaction.requiringNew().call(() -> {
            int expired = ExportJob.update("status = ?1, progress = ?2 where status in ?3 and finishedAt < ?4",
                    ExportStatus.EXPIRED, "expired", List.of(ExportStatus.COMPLETED, ExportStatus.FAILED), before);
            List<ExportStatus> gone = List.of(ExportStatus.EXPIRED, ExportStatus.CANCELLED);
            ExportChunk.delete("jobId in (select j.id from ExportJob j where j.status in ?1)", gone);
            ExportJob.delete("status in ?1 and finishedAt < ?2", gone, before.minus(forgetAfter));
            return expired;
        });
    }

    /** The sink of one run: per-type files, and a checkpoint every fetch-size resources. */
    private final class Sink implements ExportSink {

        private final Claimed claimed;
        private final Map<String, NdjsonChunks> files;
        private final IParser parser = Fhir.json();
        private long offered;

        Sink(Claimed claimed, Map<String, NdjsonChunks> files) {
            this.claimed = claimed;
            this.files = files;
        }

        @Override
        public void accept(Resource resource) {
            NdjsonChunks file = files.get(resource.fhirType());
            if (file != null) {
                file.line(parser.encodeResourceToString(resource));
            }
            if (++offered % fetchSize == 0) {
                checkpoint(claimed, "running: " + files.values().stream().mapToLong(NdjsonChunks::count).sum()
                        + " resources written (" + files.entrySet().stream()
                        .map(f -> f.getKey() + " " + f.getValue().count()).collect(Collectors.joining(", ")) + ")");
            }
        }
    }
}
