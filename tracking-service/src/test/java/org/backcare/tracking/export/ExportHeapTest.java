package org.backcare.tracking.export;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import org.backcare.platform.testing.Users;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import javax.sql.DataSource;
import java.io.BufferedReader;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * An export of 100,000 Observations runs in memory that does not depend on its size: the used heap (measured after a
 * full GC, sampled by a background thread while the export runs) is compared between an export of about 10,000 and one
 * of about 100,000 Observations. Wall time is not measured.
 */
@QuarkusTest
class ExportHeapTest {

    private static final int ROWS = 100_000;
    private static final long MB = 1024 * 1024;
    /** Check-in i was last updated at BASE + i ms: _since = BASE + 90,000 ms selects the last 10,000. */
    private static final Instant BASE = Instant.parse("2000-01-01T00:00:00Z");

    @Inject
    DataSource dataSource;

    private final UUID patientId = UUID.randomUUID();

    /** The peak used heap, after a full GC, sampled every second until closed. */
    static final class HeapSampler implements AutoCloseable {
        private static final MemoryMXBean MEMORY = ManagementFactory.getMemoryMXBean();
        private final Thread thread;
        private volatile boolean running = true;
        private volatile long peak;
        private volatile int samples;

        HeapSampler() {
            thread = new Thread(() -> {
                while (running) {
                    long used = used();
                    peak = Math.max(peak, used);
                    samples++;
                    try {
                        Thread.sleep(1000);
                    } catch (InterruptedException e) {
                        return;
                    }
                }
            }, "heap-sampler");
            thread.setDaemon(true);
            thread.start();
        }

        static long used() {
            System.gc();
            return MEMORY.getHeapMemoryUsage().getUsed();
        }

        @Override
        public void close() throws InterruptedException {
            running = false;
            thread.join();
        }
    }

    /** One check-in a day with only the pain score: exactly one Observation (LOINC 72514-3) per row. */
    void insertCheckIns() throws SQLException {
        try (Connection c = dataSource.getConnection(); PreparedStatement insert = c.prepareStatement("""
                insert into check_in (id, patient_id, day, version, pain, locations, pain_character, leg_symptoms,
                    function_score, sleep_hours, sleep_quality, mood, stress, triggers, relievers, note, red_flags,
                    recorded_by, recorded_at, updated_at)
                select gen_random_uuid(), ?, date '1700-01-01' + i, 0, i % 11, '["lower-back"]'::jsonb,
                    '["aching"]'::jsonb, false, null, null, null, null, null, '[]'::jsonb, '[]'::jsonb,
                    'heap test check-in number ' || i, '[]'::jsonb, 'heap-test', ?, ?::timestamptz + i * interval '1 millisecond'
                from generate_series(1, ?) i""")) {
            insert.setObject(1, patientId);
            insert.setTimestamp(2, Timestamp.from(BASE));
            insert.setTimestamp(3, Timestamp.from(BASE));
            insert.setInt(4, ROWS);
            assertThat(insert.executeUpdate()).isEqualTo(ROWS);
        }
    }

    @AfterEach
    void removeRows() throws SQLException {
        try (Connection c = dataSource.getConnection(); PreparedStatement delete = c.prepareStatement(
                "delete from check_in where patient_id = ?")) {
            delete.setObject(1, patientId);
            delete.executeUpdate();
        }
    }

    record Run(long peak, int samples, long exported, long patientLines) {
    }

    Run export(Users integrator, String query) throws Exception {
        Run run;
        String status;
        try (HeapSampler sampler = new HeapSampler()) {
            status = ExportTest.kickOff(integrator, query).then().statusCode(202).extract().header("Content-Location");
            long started = System.nanoTime();
            JsonPath manifest = ExportTest.manifest(integrator, status, java.time.Duration.ofMinutes(5));
            sampler.close();
            System.out.printf("FHIR export %s took %d ms%n", query, (System.nanoTime() - started) / 1_000_000);
            String url = manifest.getString("output.find { it.type == 'Observation' }.url");
            long count = manifest.getLong("output.find { it.type == 'Observation' }.count");
            long lines = 0;
            long mine = 0;
            String subject = "\"Patient/" + patientId + "\"";
            try (InputStream in = given().auth().oauth2(integrator.token()).urlEncodingEnabled(false)
                    .get(ExportTest.path(url)).then().statusCode(200).extract().asInputStream();
                 BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
                String line;
                while ((line = reader.readLine()) != null) {
                    lines++;
                    if (line.contains(subject)) {
                        mine++;
                    }
                }
            }
            assertThat(lines).isEqualTo(count);
            run = new Run(sampler.peak, sampler.samples, count, mine);
        }
        return run;
    }

    @Test
    void exportingOneHundredThousandObservationsUsesNoMoreHeapThanTenThousand() throws Exception {
        insertCheckIns();
        Users integrator = Users.integrator();
        // Warm up (classes, HAPI's model, the query plans) on a small export, then measure.
        export(integrator, "?_type=Observation&_since=" + BASE.plusMillis(ROWS - 100));
        long baseline = HeapSampler.used();

        Run small = export(integrator, "?_type=Observation&_since=" + BASE.plusMillis(ROWS - ROWS / 10));
        Run large = export(integrator, "?_type=Observation");

        System.out.printf("FHIR export heap: baseline %d MB; ~10k export (%d Observations, %d samples) peak %d MB;"
                        + " ~100k export (%d Observations, %d samples) peak %d MB; growth 10k->100k %d MB%n",
                baseline / MB, small.exported(), small.samples(), small.peak() / MB, large.exported(),
                large.samples(), large.peak() / MB, (large.peak() - small.peak()) / MB);

        assertThat(small.patientLines()).isEqualTo(ROWS / 10);
        assertThat(large.patientLines()).isEqualTo(ROWS);
        assertThat(large.samples()).as("the heap was sampled during the export").isGreaterThanOrEqualTo(3);
        assertThat(large.peak() - baseline).as("peak used heap above the baseline during a 100k export")
                .isLessThan(64 * MB);
        assertThat(large.peak() - small.peak()).as("heap growth from a 10k to a 100k export")
                .isLessThan(16 * MB);
    }
}
