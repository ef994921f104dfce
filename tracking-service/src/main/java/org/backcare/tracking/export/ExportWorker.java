package org.backcare.tracking.export;

import ca.uhn.fhir.parser.IParser;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import org.backcare.tracking.checkin.CheckIn;
import org.backcare.tracking.fhir.CheckInObservations;
import org.backcare.platform.fhir.Fhir;
import org.backcare.tracking.fhir.MedicationStatements;
import org.backcare.tracking.fhir.OdiResources;
import org.backcare.tracking.medication.MedicationIntake;
import org.backcare.tracking.questionnaire.Questionnaire;
import org.hibernate.CacheMode;
import org.hibernate.LockOptions;
import org.hibernate.ScrollMode;
import org.hibernate.ScrollableResults;
import org.hibernate.Session;
import org.hibernate.jpa.SpecHints;
import org.hibernate.query.SelectionQuery;
import org.hl7.fhir.r4.model.Resource;
import org.eclipse.microprofile.config.inject.ConfigProperty;
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
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * Runs queued exports one after the other. Each type is streamed from a forward-only database cursor (read-only,
 * fetch size backcare.export.fetch-size) straight into its NDJSON file through a buffered writer; the persistence
 * context is cleared every fetch-size rows, so memory does not grow with the size of the export.
 */
@ApplicationScoped
public class ExportWorker {

    private static final int TRANSACTION_TIMEOUT_SECONDS = 6 * 3600;
    private static final Logger LOG = Logger.getLogger(ExportWorker.class);

    private final EntityManager em;
    private final ExportFiles files;
    private final Clock clock;
    private final int fetchSize;
    /** What a running export is doing, for X-Progress; only while it runs on this instance. */
    private final Map<UUID, String> progress = new ConcurrentHashMap<>();
    private final Set<UUID> cancelled = ConcurrentHashMap.newKeySet();

    private final Duration retention;

    public ExportWorker(EntityManager em, ExportFiles files, Clock clock,
                        @ConfigProperty(name = "backcare.export.fetch-size") int fetchSize,
                        @ConfigProperty(name = "backcare.export.retention") Duration retention) {
        this.fetchSize = fetchSize;
        this.retention = retention;
        this.em = em;
        this.files = files;
        this.clock = clock;
    }

    private static final class Cancelled extends RuntimeException {
        Cancelled() {
            super("cancelled", null, false, false);
        }
    }

    public String progress(UUID jobId) {
        return progress.get(jobId);
    }

    /** Asks a running export to stop at its next checkpoint; its files are removed. */
    public void cancel(UUID jobId) {
        cancelled.add(jobId);
    }

    /**
     * A job left RUNNING by a stopped instance would hold its integrator's slot for good: at start, such jobs are
     * queued again and their partial files deleted. (This assumes one worker instance per database, as deployed.)
     */
    void requeueInterrupted(@Observes StartupEvent start) {
        List<UUID> interrupted = QuarkusTransaction.requiringNew().call(() -> {
            List<ExportJob> running = ExportJob.list("status", ExportJob.RUNNING);
            running.forEach(j -> {
                j.status = ExportJob.QUEUED;
                j.progress = "queued again after a restart";
            });
            return running.stream().map(j -> j.id).toList();
        });
        interrupted.forEach(files::delete);
        if (!interrupted.isEmpty()) {
            LOG.infof("queued again %d export(s) interrupted by a restart: %s", interrupted.size(), interrupted);
        }
    }

    @Scheduled(every = "${backcare.export.poll-interval}", identity = "export-worker",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void runQueued() {
        UUID next;
        while ((next = QuarkusTransaction.requiringNew().call(this::claim)) != null) {
            run(next);
        }
    }

    /**
     * The oldest queued export, now marked running. FOR UPDATE SKIP LOCKED: another instance polling at the same
     * moment takes the next job instead of the same one.
     */
    UUID claim() {
        ExportJob job = ExportJob.<ExportJob>find("status = ?1 order by createdAt", ExportJob.QUEUED)
                .withLock(LockModeType.PESSIMISTIC_WRITE)
                .withHint(SpecHints.HINT_SPEC_LOCK_TIMEOUT, LockOptions.SKIP_LOCKED)
                .firstResult();
        if (job == null) {
            return null;
        }
        job.status = ExportJob.RUNNING;
        job.progress = "started";
        return job.id;
    }

    void run(UUID jobId) {
        ExportJob job = QuarkusTransaction.requiringNew().call(() -> {
            ExportJob j = ExportJob.findById(jobId);
            em.detach(j);
            return j;
        });
        List<ExportJob.Output> outputs = new ArrayList<>();
        try {
            Path dir = files.create(jobId);
            for (String type : job.typeList()) {
                String fileName = ExportFiles.fileName(type);
                long count = QuarkusTransaction.requiringNew().timeout(TRANSACTION_TIMEOUT_SECONDS)
                        .call(() -> write(job, type, dir.resolve(fileName)));
                outputs.add(new ExportJob.Output(type, fileName, count));
            }
            QuarkusTransaction.requiringNew().run(() -> {
                ExportJob j = ExportJob.findById(jobId);
                if (ExportJob.CANCELLED.equals(j.status)) {
                    files.delete(jobId);
                    return;
                }
                j.status = ExportJob.COMPLETED;
                j.outputs = outputs;
                j.progress = "completed: " + outputs.stream().mapToLong(ExportJob.Output::count).sum() + " resources";
                j.finishedAt = Instant.now(clock);
            });
        } catch (Cancelled c) {
            files.delete(jobId);
            LOG.infof("export %s cancelled", jobId);
        } catch (RuntimeException e) {
            LOG.errorf(e, "export %s failed", jobId);
            files.delete(jobId);
            QuarkusTransaction.requiringNew().run(() -> {
                ExportJob j = ExportJob.findById(jobId);
                if (!ExportJob.CANCELLED.equals(j.status)) {
                    j.status = ExportJob.FAILED;
                    j.error = "the export failed: " + e.getClass().getSimpleName();
                    j.finishedAt = Instant.now(clock);
                }
            });
        } finally {
            progress.remove(jobId);
            cancelled.remove(jobId);
        }
    }

    /** Streams every resource of one type into its file; answers how many were written. */
    long write(ExportJob job, String type, Path file) {
        Session session = em.unwrap(Session.class);
        session.setDefaultReadOnly(true);
        IParser parser = Fhir.json();
        long[] written = {0};
        try (Writer out = new BufferedWriter(Files.newBufferedWriter(file, StandardCharsets.UTF_8), 64 * 1024)) {
            Function<Resource, Void> line = r -> {
                try {
                    parser.encodeResourceToWriter(r, out);
                    out.write('\n');
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
                written[0]++;
                return null;
            };
            switch (type) {
                case "Observation" -> {
                    stream(session, job, type, CheckIn.class, "updatedAt", "", written,
                            c -> CheckInObservations.of(c).forEach(line::apply));
                    stream(session, job, type, Questionnaire.class, "recordedAt", " and e.kind = 'odi'", written,
                            q -> line.apply(OdiResources.score(q)));
                }
                case "QuestionnaireResponse" -> stream(session, job, type, Questionnaire.class, "recordedAt",
                        " and e.kind = 'odi'", written, q -> line.apply(OdiResources.response(q)));
                case "MedicationStatement" -> stream(session, job, type, MedicationIntake.class, "recordedAt", "",
                        written, m -> line.apply(MedicationStatements.of(m)));
                default -> throw new IllegalStateException("not an exported type: " + type);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return written[0];
    }

    private <T> void stream(Session session, ExportJob job, String type, Class<T> entity, String updated, String where,
                            long[] written, java.util.function.Consumer<T> each) {
        String hql = "from " + entity.getSimpleName() + " e where e." + updated + " <= :until"
                + (job.since != null ? " and e." + updated + " > :since" : "") + where;
        SelectionQuery<T> query = session.createSelectionQuery(hql, entity)
                .setParameter("until", job.transactionTime)
                .setReadOnly(true)
                .setFetchSize(fetchSize)
                .setCacheMode(CacheMode.IGNORE);
        if (job.since != null) {
            query.setParameter("since", job.since);
        }
        long rows = 0;
        try (ScrollableResults<T> results = query.scroll(ScrollMode.FORWARD_ONLY)) {
            while (results.next()) {
                each.accept(results.get());
                if (++rows % fetchSize == 0) {
                    session.clear();
                    if (isCancelled(job.id)) {
                        throw new Cancelled();
                    }
                    progress.put(job.id, type + ": " + written[0] + " resources written");
                }
            }
        }
        session.clear();
        if (isCancelled(job.id)) {
            throw new Cancelled();
        }
    }

    /** Cancelled here, or by a DELETE that another instance of the service answered (the job row says so). */
    private boolean isCancelled(UUID jobId) {
        return cancelled.contains(jobId) || QuarkusTransaction.requiringNew().call(() -> {
            ExportJob job = ExportJob.findById(jobId);
            return job == null || ExportJob.CANCELLED.equals(job.status);
        });
    }

    /** Deletes the files of finished exports after the retention period; the job then answers 404. */
    @Scheduled(every = "${backcare.export.cleanup-interval}", identity = "bulk-export-cleanup")
    void expireOld() {
        Instant cutoff = Instant.now(clock).minus(retention);
        List<UUID> expired = QuarkusTransaction.requiringNew().call(() -> {
            List<ExportJob> old = ExportJob.list("status in ?1 and finishedAt < ?2",
                    List.of(ExportJob.COMPLETED, ExportJob.FAILED), cutoff);
            old.forEach(j -> {
                j.status = ExportJob.EXPIRED;
                j.progress = "expired";
            });
            return old.stream().map(j -> j.id).toList();
        });
        expired.forEach(files::delete);
    }
}
