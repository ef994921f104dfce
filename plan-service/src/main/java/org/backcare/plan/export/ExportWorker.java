package org.backcare.plan.export;

import ca.uhn.fhir.parser.IParser;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.persistence.LockModeType;
import org.hibernate.LockOptions;
import org.hibernate.jpa.SpecHints;
import org.backcare.platform.fhir.Fhir;
import org.backcare.plan.fhir.FhirStore;
import org.backcare.plan.fhir.PlanFhirMapper;
import org.backcare.plan.fhir.PlanParts;
import org.backcare.plan.plan.Plan;
import org.backcare.plan.plan.PlanStatus;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.hl7.fhir.r4.model.Resource;
import org.jboss.logging.Logger;

import javax.sql.DataSource;
import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Runs queued exports one at a time. Plans are streamed from a forward-only database cursor (autocommit off, a
 * fetch size, a read-only transaction) straight into one buffered NDJSON file per resource type, so an export never
 * holds more than one fetch of rows in memory. Every {@value #CHECK_EVERY} plans it records its progress and stops
 * if the job was cancelled meanwhile.
 */
@ApplicationScoped
public class ExportWorker {

    static final int CHECK_EVERY = 200;
    private static final Logger LOG = Logger.getLogger(ExportWorker.class);

    /** Each plan with its goals, exercises, medications and self-management sections, oldest change first. */
    private static final String ROWS = """
            select p.id, p.patient_id, p.status, p.title, p.template, p.start_date, p.review_date, p.revision,
                   p.created_at, p.updated_at,
                   g.content::text, e.content::text, m.content::text, s.content::text
            from plan p
            left join plan_section g on g.plan_id = p.id and g.kind = 'GOALS'
            left join plan_section e on e.plan_id = p.id and e.kind = 'EXERCISES'
            left join plan_section m on m.plan_id = p.id and m.kind = 'MEDICATIONS'
            left join plan_section s on s.plan_id = p.id and s.kind = 'SELF_MANAGEMENT'
            where (cast(? as timestamptz) is null or p.updated_at > ?)
            order by p.updated_at, p.id""";
    private static final String COUNT = "select count(*) from plan p where (cast(? as timestamptz) is null or p.updated_at > ?)";

    private final DataSource dataSource;
    private final ExportService exports;
    private final FhirStore store;
    private final Clock clock;
    private final int fetchSize;
    private final Duration retention;

    public ExportWorker(DataSource dataSource, ExportService exports, FhirStore store, Clock clock,
                        @ConfigProperty(name = "backcare.export.fetch-size", defaultValue = "500") int fetchSize,
                        @ConfigProperty(name = "backcare.export.retention") Duration retention) {
        this.dataSource = dataSource;
        this.exports = exports;
        this.store = store;
        this.clock = clock;
        this.fetchSize = fetchSize;
        this.retention = retention;
    }

    /** A job left running by a stopped instance starts again from the beginning. */
    void requeueInterrupted(@Observes StartupEvent start) {
        QuarkusTransaction.requiringNew().run(() ->
                ExportJob.update("status = ?1 where status = ?2", ExportStatus.QUEUED, ExportStatus.RUNNING));
    }

    @Scheduled(every = "${backcare.export.poll-interval}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            identity = "fhir-export-worker")
    void poll() {
        runQueued();
    }

    @Scheduled(every = "${backcare.export.cleanup-interval}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            identity = "fhir-export-cleanup")
    void cleanup() {
        expireFinishedBefore(Instant.now(clock).minus(retention));
    }

    /** Deletes the files of exports that completed or failed before this instant; their status then answers 404. */
    public int expireFinishedBefore(Instant before) {
        List<UUID> expired = QuarkusTransaction.requiringNew().call(() -> {
            List<ExportJob> jobs = ExportJob.list("status in ?1 and finishedAt < ?2",
                    List.of(ExportStatus.COMPLETED, ExportStatus.FAILED), before);
            jobs.forEach(j -> j.status = ExportStatus.EXPIRED);
            return jobs.stream().map(j -> j.id).toList();
        });
        expired.forEach(exports::deleteFiles);
        return expired.size();
    }

    /** Runs every queued job, oldest first; returns how many ran. */
    public synchronized int runQueued() {
        int ran = 0;
        UUID next;
        while ((next = claim()) != null) {
            run(next);
            ran++;
        }
        return ran;
    }

    private UUID claim() {
        return QuarkusTransaction.requiringNew().call(() -> {
            ExportJob job = ExportJob.<ExportJob>find("status = ?1 order by createdAt", ExportStatus.QUEUED)
                    .withLock(LockModeType.PESSIMISTIC_WRITE)
                    // SKIP LOCKED: another instance polling at the same moment takes the next job, without waiting.
                    .withHint(SpecHints.HINT_SPEC_LOCK_TIMEOUT, LockOptions.SKIP_LOCKED)
                    .firstResult();
            if (job == null) {
                return null;
            }
            job.status = ExportStatus.RUNNING;
            job.startedAt = Instant.now(clock);
            return job.id;
        });
    }

    private record Job(UUID id, List<String> types, Instant since) {
    }

    void run(UUID id) {
        Job job = QuarkusTransaction.requiringNew().call(() -> {
            ExportJob j = ExportJob.findById(id);
            return new Job(j.id, j.typeList(), j.since);
        });
        Path directory = exports.directory(id);
        Map<String, Long> counts = new LinkedHashMap<>();
        boolean cancelled;
        try {
            Files.createDirectories(directory);
            cancelled = write(job, directory, counts);
        } catch (Exception e) {
            LOG.error("export " + id + " failed", e);
            exports.deleteFiles(id);
            String error = e.getClass().getSimpleName() + ": " + e.getMessage();
            QuarkusTransaction.requiringNew().run(() -> {
                ExportJob j = ExportJob.findById(id);
                if (j.status == ExportStatus.RUNNING) {
                    j.status = ExportStatus.FAILED;
                    j.error = error.length() > 1000 ? error.substring(0, 1000) : error;
                    j.finishedAt = Instant.now(clock);
                }
            });
            return;
        }
        if (cancelled) {
            exports.deleteFiles(id);
            return;
        }
        List<ExportJob.ExportFile> files = new ArrayList<>();
        counts.forEach((type, count) -> files.add(new ExportJob.ExportFile(type, type + ".ndjson", count)));
        boolean stillWanted = QuarkusTransaction.requiringNew().call(() -> {
            ExportJob j = ExportJob.findById(id);
            if (j.status != ExportStatus.RUNNING) {
                return false;
            }
            j.status = ExportStatus.COMPLETED;
            j.progress = 100;
            j.output = exports.writeOutput(files);
            j.finishedAt = Instant.now(clock);
            return true;
        });
        if (!stillWanted) {
            exports.deleteFiles(id);
        }
    }

    /** Streams the plans into the files; true when the job was cancelled on the way. */
    private boolean write(Job job, Path directory, Map<String, Long> counts) throws IOException, SQLException {
        Map<String, BufferedWriter> writers = new LinkedHashMap<>();
        IParser parser = Fhir.json();
        long total;
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            connection.setReadOnly(true);
            total = count(connection, job.since());
            for (String type : job.types()) {
                writers.put(type, Files.newBufferedWriter(directory.resolve(type + ".ndjson"), StandardCharsets.UTF_8));
                counts.put(type, 0L);
            }
            long rows = 0;
            try (PreparedStatement statement = connection.prepareStatement(ROWS, ResultSet.TYPE_FORWARD_ONLY,
                    ResultSet.CONCUR_READ_ONLY)) {
                statement.setFetchSize(fetchSize);
                Timestamp since = job.since() == null ? null : Timestamp.from(job.since());
                statement.setTimestamp(1, since);
                statement.setTimestamp(2, since);
                try (ResultSet rs = statement.executeQuery()) {
                    while (rs.next()) {
                        PlanParts parts = parts(rs);
                        for (Resource resource : PlanFhirMapper.all(parts)) {
                            BufferedWriter writer = writers.get(resource.fhirType());
                            if (writer != null) {
                                parser.encodeResourceToWriter(resource, writer);
                                writer.newLine();
                                counts.merge(resource.fhirType(), 1L, Long::sum);
                            }
                        }
                        if (++rows % CHECK_EVERY == 0 && !progress(job.id(), rows, total)) {
                            connection.rollback();
                            return true;
                        }
                    }
                }
            }
            connection.rollback();
        } finally {
            for (BufferedWriter writer : writers.values()) {
                writer.close();
            }
        }
        // Types without any resource get no file.
        for (Map.Entry<String, Long> count : List.copyOf(counts.entrySet())) {
            if (count.getValue() == 0) {
                Files.deleteIfExists(directory.resolve(count.getKey() + ".ndjson"));
                counts.remove(count.getKey());
            }
        }
        return !progress(job.id(), total, total);
    }

    /** Records the progress; false when the job is no longer running (cancelled). */
    private boolean progress(UUID id, long rows, long total) {
        int percent = total == 0 ? 99 : (int) Math.min(99, rows * 100 / total);
        return QuarkusTransaction.requiringNew().call(() ->
                ExportJob.update("progress = ?1 where id = ?2 and status = ?3", percent, id, ExportStatus.RUNNING) == 1);
    }

    private static long count(Connection connection, Instant since) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(COUNT)) {
            Timestamp at = since == null ? null : Timestamp.from(since);
            statement.setTimestamp(1, at);
            statement.setTimestamp(2, at);
            try (ResultSet rs = statement.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    private PlanParts parts(ResultSet rs) throws SQLException {
        Plan plan = new Plan();
        plan.id = rs.getObject(1, UUID.class);
        plan.patientId = rs.getObject(2, UUID.class);
        plan.status = PlanStatus.valueOf(rs.getString(3));
        plan.title = rs.getString(4);
        plan.template = rs.getString(5);
        plan.startDate = rs.getObject(6, java.time.LocalDate.class);
        plan.reviewDate = rs.getObject(7, java.time.LocalDate.class);
        plan.revision = rs.getInt(8);
        plan.createdAt = rs.getTimestamp(9).toInstant();
        plan.updatedAt = rs.getTimestamp(10).toInstant();
        return store.parts(plan, rs.getString(11), rs.getString(12), rs.getString(13), rs.getString(14));
    }
}
