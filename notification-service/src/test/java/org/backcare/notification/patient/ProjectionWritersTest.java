package org.backcare.notification.patient;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.backcare.notification.event.EventHandler;
import org.backcare.notification.testsupport.Awaiting;
import org.backcare.notification.testsupport.PatientEvents;
import org.backcare.notification.testsupport.PatientEvents.TestPatient;
import org.backcare.platform.testing.Users;
import org.junit.jupiter.api.Test;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The patient row has three writers (patient-events, tracking-events' last check-in, the reminder pass), on
 * different threads or instances. A patient update must not put back an older last-check-in day it read before
 * another writer committed: that would remind a patient who has checked in.
 */
@QuarkusTest
class ProjectionWritersTest {

    @Inject
    EventHandler handler;

    @Inject
    DataSource dataSource;

    @Test
    void aPatientUpdateDoesNotUndoACheckInRecordedMeanwhile() throws Exception {
        Users patient = Users.patient();
        TestPatient p = PatientEvents.registered(patient, List.of(), "mechanical", Users.physician());
        LocalDate today = LocalDate.now();

        try (Connection checkInWriter = dataSource.getConnection()) {
            // The tracking-events consumer is in the middle of recording today's check-in for this patient.
            checkInWriter.setAutoCommit(false);
            try (PreparedStatement update = checkInWriter.prepareStatement(
                    "update patient set last_check_in_day = ? where id = ?")) {
                update.setObject(1, today);
                update.setObject(2, p.id());
                assertThat(update.executeUpdate()).isEqualTo(1);
            }

            String updated = PatientEvents.envelope(UUID.randomUUID(), "PatientUpdated", p.id(),
                    PatientEvents.snapshot(patient, List.of(), "mechanical", List.of(Users.physician()))).toString();
            CompletableFuture<Boolean> handled = CompletableFuture.supplyAsync(
                    () -> handler.handle("patient-events", updated));
            // The update waits for the row, whichever statement of its transaction reaches it first.
            Awaiting.until(this::someoneWaitsForARowLock, Duration.ofSeconds(20), "the update waiting for the row");
            checkInWriter.commit();
            assertThat(handled.get(20, TimeUnit.SECONDS)).isTrue();
        }

        PatientProjection after = QuarkusTransaction.requiringNew().call(() -> PatientProjection.findById(p.id()));
        assertThat(after.lastCheckInDay).isEqualTo(today);
    }

    private boolean someoneWaitsForARowLock() {
        try (Connection c = dataSource.getConnection();
             PreparedStatement q = c.prepareStatement("select count(*) from pg_stat_activity "
                     + "where datname = current_database() and wait_event_type = 'Lock'");
             ResultSet r = q.executeQuery()) {
            r.next();
            return r.getLong(1) > 0;
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
