package org.backcare.tracking.outbox;

import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;
import io.smallrye.reactive.messaging.MutinyEmitter;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.hibernate.jpa.SpecHints;
import org.jboss.logging.Logger;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * Publishes outbox events to Kafka in the order they were written and marks them sent. Runs on a timer;
 * a failed send stops the pass (so a patient's events never overtake each other) and is retried on the next one.
 * Delivery is at least once: consumers deduplicate by event id.
 */
@ApplicationScoped
public class OutboxRelay {

    private static final Logger LOG = Logger.getLogger(OutboxRelay.class);

    private final MutinyEmitter<String> emitter;
    private final Clock clock;
    private final int batchSize;
    private final Duration sendTimeout;

    public OutboxRelay(@Channel("tracking-events") MutinyEmitter<String> emitter, Clock clock,
                       @ConfigProperty(name = "backcare.outbox.batch-size") int batchSize,
                       @ConfigProperty(name = "backcare.outbox.send-timeout") Duration sendTimeout,
                       MeterRegistry metrics) {
        this.emitter = emitter;
        this.clock = clock;
        this.batchSize = batchSize;
        this.sendTimeout = sendTimeout;
        metrics.gauge("backcare.outbox.unsent", this, relay -> relay.unsentCount());
    }

    // Skipped until start-up has finished: messaging wires the channel during start-up.
    @Scheduled(every = "${backcare.outbox.interval}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    void relay() {
        boolean more = true;
        while (more) {
            more = QuarkusTransaction.requiringNew().call(this::publishBatch);
        }
    }

    /** Publishes one batch; true when a full batch went out and more may be waiting. */
    boolean publishBatch() {
        // SKIP LOCKED: a second instance of the service takes other rows instead of waiting or sending twice.
        List<OutboxEvent> batch = OutboxEvent.<OutboxEvent>find("sentAt is null order by seq")
                .withLock(LockModeType.PESSIMISTIC_WRITE)
                .withHint(SpecHints.HINT_SPEC_LOCK_TIMEOUT, -2)
                .page(0, batchSize)
                .list();
        for (OutboxEvent event : batch) {
            event.attempts++;
            try {
                emitter.sendMessage(Message.of(event.payload).addMetadata(OutgoingKafkaRecordMetadata.<String>builder()
                                .withKey(event.patientId.toString())
                                .build()))
                        .await().atMost(sendTimeout);
            } catch (RuntimeException e) {
                event.lastError = abbreviate(String.valueOf(e.getMessage()));
                LOG.warnf("outbox: event %s (%s) not published yet, attempt %d: %s", event.eventId, event.type,
                        event.attempts, event.lastError);
                return false;
            }
            event.sentAt = Instant.now(clock);
            event.lastError = null;
        }
        return batch.size() == batchSize;
    }

    long unsentCount() {
        try {
            return QuarkusTransaction.requiringNew().call(() -> OutboxEvent.count("sentAt is null"));
        } catch (RuntimeException e) {
            return -1;
        }
    }

    private static String abbreviate(String message) {
        return message.length() <= 1000 ? message : message.substring(0, 1000);
    }
}
