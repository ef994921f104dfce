package org.backcare.notification.event;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.backcare.platform.events.ProcessedEvent;
import org.backcare.platform.events.ProcessedEventRetention;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** The processed-event table does not grow forever: records older than the retention (90 days) go. */
@QuarkusTest
class ProcessedEventRetentionTest {

    @Inject
    ProcessedEventRetention retention;

    @Test
    void recordsOlderThanTheRetentionAreForgottenRecentOnesKept() {
        UUID old = UUID.randomUUID();
        UUID recent = UUID.randomUUID();
        QuarkusTransaction.requiringNew().run(() -> {
            ProcessedEvent.record(old, "patient-events", "PatientUpdated", Instant.now().minus(Duration.ofDays(91)));
            ProcessedEvent.record(recent, "patient-events", "PatientUpdated", Instant.now().minus(Duration.ofDays(89)));
        });

        assertThat(retention.purge()).isGreaterThanOrEqualTo(1);

        assertThat(QuarkusTransaction.requiringNew().call(() -> ProcessedEvent.seen(old))).isFalse();
        assertThat(QuarkusTransaction.requiringNew().call(() -> ProcessedEvent.seen(recent))).isTrue();
    }
}
