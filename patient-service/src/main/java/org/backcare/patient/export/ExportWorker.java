package org.backcare.patient.export;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.persistence.EntityManager;
import org.backcare.platform.fhir.Fhir;
import org.backcare.patient.fhir.FhirMapper.Type;
import org.backcare.patient.fhir.PatientRows;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.hibernate.ScrollableResults;
import org.hibernate.Session;
import org.jboss.logging.Logger;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * Runs queued exports, one at a time. Each resource type is streamed from a forward-only database cursor straight
 * into its NDJSON file, {@code backcare.export.fetch-size} rows per round trip, clearing the persistence context
 * after every batch: memory does not grow with the size of the export. Between batches the worker writes its
 * progress and stops when the job was cancelled.
 */
@ApplicationScoped
public class ExportWorker {

    private static final Logger LOG = Logger.getLogger(ExportWorker.class);
    /** Returned by {@link #writeType} when the job was cancelled under it. */
    private static final long CANCELLED = -1;

    private final EntityManager em;
    private final ExportFiles files;
    private final Clock clock;
    private final int fetchSize;
    private final Duration retention;
    private final Duration typeTimeout;

    public ExportWorker(EntityManager em, ExportFiles files, Clock clock,
                        @ConfigProperty(name = "backcare.export.fetch-size") int fetchSize,
                        @ConfigProperty(name = "backcare.export.retention") Duration retention,
                        @ConfigProperty(name = "backcare.export.type-timeout") Duration typeTimeout) {
        this.em = em;
        this.files = files;
        this.clock = clock;
        this.fetchSize = fetchSize;
        this.retention = retention;
        this.typeTimeout = typeTimeout;
    }

    /** What the worker needs of a claimed job, read once. */
    record Claimed(UUID id, List<String> types, Instant since) {
    }

    /**
     * A job left RUNNING by a stopped instance would hold its integrator's slot for good: at start, such jobs are
     * queued again and their partial files deleted. (This assumes one worker instance per database, as deployed.)
     */
    void requeueInterrupted(@Observes StartupEvent start) {
        List<UUID> interrupted = QuarkusTransaction.requiringNew().call(() -> {
            List<ExportJob> running = ExportJob.list("status", ExportStatus.RUNNING);
            running.forEach(j -> {
                j.status = ExportStatus.ACCEPTED;
                j.progress = "queued again after a restart";
            });
            return running.stream().map(j -> j.id).toList();
        });
        interrupted.forEach(files::delete);
    }

    @Scheduled(every = "${backcare.export.poll-interval}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            identity = "bulk-export-worker")
    void runQueued() {
        Claimed job;
        while ((job = claimNext()) != null) {
            run(job);
        }
    }

    /** Takes the oldest queued job, if any, and marks it running with its transaction time. */
    Claimed claimNext() {
        return QuarkusTransaction.requiringNew().call(() -> {
            List<ExportJob> queued = ExportJob.<ExportJob>find("status = ?1 order by createdAt", ExportStatus.ACCEPTED)
                    .page(0, 1).list();
            if (queued.isEmpty()) {
                return null;
            }
            ExportJob job = queued.get(0);
            Instant now = Instant.now(clock);
            int claimed = ExportJob.update("status = ?1, startedAt = ?2, transactionTime = ?2, progress = ?3 "
                    + "where id = ?4 and status = ?5", ExportStatus.RUNNING, now, "started", job.id,
                    ExportStatus.ACCEPTED);
            return claimed == 1 ? new Claimed(job.id, job.typeList(), job.since) : null;
        });
    }

    void run(Claimed job) {
        try {
            files.create(job.id());
            List<ExportFile> written = new ArrayList<>();
            for (int i = 0; i < job.types().size(); i++) {
                Type type = Type.of(job.types().get(i));
                String fileName = type.fhirName() + ".ndjson";
                Path file = files.file(job.id(), fileName);
                String step = type.fhirName() + " (" + (i + 1) + " of " + job.types().size() + " types)";
                long count = QuarkusTransaction.requiringNew().timeout((int) typeTimeout.toSeconds())
                        .call(() -> writeType(job, type, file, step));
                if (count == CANCELLED) {
                    files.delete(job.id());
                    return;
                }
                if (count > 0) {
                    written.add(new ExportFile(type.fhirName(), fileName, count));
                } else {
                    Files.deleteIfExists(file);
                }
            }
            boolean completed = QuarkusTransaction.requiringNew().call(() -> {
                ExportJob stored = ExportJob.findById(job.id());
                if (stored == null || stored.status != ExportStatus.RUNNING) {
                    return false;
                }
                stored.files.addAll(written);
                stored.status = ExportStatus.COMPLETED;
                stored.progress = "completed";
                stored.finishedAt = Instant.now(clock);
                return true;
            });
            if (!completed) {
                files.delete(job.id());
            }
        } catch (RuntimeException | IOException e) {
            LOG.error("export " + job.id() + " failed", e);
            files.delete(job.id());
            QuarkusTransaction.requiringNew().run(() -> ExportJob.update(
                    "status = ?1, error = ?2, progress = ?3, finishedAt = ?4 where id = ?5 and status = ?6",
                    ExportStatus.FAILED, "the export failed: " + e.getClass().getSimpleName(), "failed",
                    Instant.now(clock), job.id(), ExportStatus.RUNNING));
        }
    }

    /** Streams one resource type into its file; the number written, or {@link #CANCELLED}. */
    long writeType(Claimed job, Type type, Path file, String step) {
        Session session = em.unwrap(Session.class);
        PatientRows rows = PatientRows.of(PatientRows.Criteria.all(type, job.since()));
        var parser = Fhir.json();
        long count = 0;
        try (Writer out = new BufferedWriter(Files.newBufferedWriter(file, StandardCharsets.UTF_8));
             ScrollableResults<Object[]> cursor = rows.scroll(session, fetchSize)) {
            while (cursor.next()) {
                out.write(parser.encodeResourceToString(type.map(rows.row(cursor.get()))));
                out.write('\n');
                count++;
                if (count % fetchSize == 0) {
                    session.clear();
                    if (!progress(job.id(), step + ": " + count + " resources written")) {
                        return CANCELLED;
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        session.clear();
        return progress(job.id(), step + ": " + count + " resources written") ? count : CANCELLED;
    }

    /** Records progress in its own transaction, so pollers see it; false when the job is no longer running. */
    boolean progress(UUID job, String progress) {
        return QuarkusTransaction.requiringNew().call(() -> ExportJob.update(
                "progress = ?1 where id = ?2 and status = ?3", progress, job, ExportStatus.RUNNING) == 1);
    }

    /** Deletes the files of finished exports after the retention period. */
    @Scheduled(every = "${backcare.export.cleanup-interval}", identity = "bulk-export-cleanup")
    void expireOld() {
        Instant cutoff = Instant.now(clock).minus(retention);
        List<UUID> expired = QuarkusTransaction.requiringNew().call(() -> {
            List<ExportJob> old = ExportJob.list("status in ?1 and finishedAt < ?2",
                    List.of(ExportStatus.COMPLETED, ExportStatus.FAILED), cutoff);
            old.forEach(j -> {
                j.status = ExportStatus.EXPIRED;
                j.progress = "expired";
            });
            return old.stream().map(j -> j.id).toList();
        });
        expired.forEach(files::delete);
    }
}
