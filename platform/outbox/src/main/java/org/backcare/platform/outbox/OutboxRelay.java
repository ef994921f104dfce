package org.backcare.platform.outbox;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Emitter;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.eclipse.microprofile.reactive.messaging.Metadata;
import org.backcare.platform.web.TransactionLocks;
import org.jboss.logging.Logger;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * Publishes outbox events to Kafka in the order they were written and marks them sent.
 * <p>
 * A pass runs right after each commit that wrote events ({@link #wake()}, from {@link Outbox}) and on a timer, the
 * fallback for what no commit here announces: events left by a crash, events written while Kafka was away, retries.
 * Passes run one at a time, on the relay's own thread; wakes during a pass are coalesced into one more pass. Across
 * the instances of a service they take turns, a batch each (a PostgreSQL advisory lock held by the batch's
 * transaction), so the order per patient holds with any number of instances.
 * <p>
 * A pass hands a whole batch to the producer before it awaits the acknowledgements (Kafka keeps the order within a
 * partition; the key is the patient id), then marks sent the events up to the first one not acknowledged
 * ({@link SentPrefix}). That one and all after it are sent again on a later pass, so a patient's event is never marked
 * sent while an earlier one is not. Delivery is at least once: events after a failed one may have reached Kafka
 * already and arrive again, after the re-sent failed one; consumers deduplicate by event id.
 * <p>
 * The channel is {@code outbox}; its producer settings are defaults in this library's microprofile-config.properties,
 * and a service sets only {@code mp.messaging.outgoing.outbox.topic}.
 */
@ApplicationScoped
public class OutboxRelay {

    private static final Logger LOG = Logger.getLogger(OutboxRelay.class);
    static final String RELAY_LOCK = "outbox-relay";

    private final Emitter<String> emitter;
    private final Clock clock;
    private final int batchSize;
    private final Duration sendTimeout;
    private final Timer passesOk;
    private final Timer passesFailed;
    private final TransactionLocks locks;
    private final CoalescingRunner passes = new CoalescingRunner("outbox-relay", this::pass);

    // On once start-up has finished (messaging wires the channel at an earlier StartupEvent priority), off from shutdown.
    private volatile boolean running;
    // After a failed pass, commits do not wake the relay until a pass (so, the timer's) succeeds: a broker that is away
    // or an event it refuses is retried once per interval, not once per commit.
    private volatile boolean failing;

    public OutboxRelay(@Channel("outbox") Emitter<String> emitter, Clock clock,
                       @ConfigProperty(name = "backcare.outbox.batch-size") int batchSize,
                       @ConfigProperty(name = "backcare.outbox.send-timeout") Duration sendTimeout,
                       MeterRegistry metrics, TransactionLocks locks) {
        this.emitter = emitter;
        this.locks = locks;
        this.clock = clock;
        this.batchSize = batchSize;
        this.sendTimeout = sendTimeout;
        metrics.gauge("backcare.outbox.unsent", this, relay -> relay.unsentCount());
        this.passesOk = passTimer(metrics, "ok");
        this.passesFailed = passTimer(metrics, "failed");
    }

    void started(@Observes StartupEvent event) {
        running = true;
    }

    void stopping(@Observes ShutdownEvent event) {
        running = false;
        passes.shutdown(sendTimeout);
    }

    /** Asks for a pass soon, without waiting for it: called after a commit that wrote events. */
    void wake() {
        if (running && !failing) {
            passes.request();
        }
    }

    // The pass runs on the relay thread: a tick during a pass only asks for one more, it never runs a second at once.
    // Skipped until start-up has finished: a tick would create this bean before messaging has wired the channel.
    @Scheduled(identity = "outbox-relay", every = "${backcare.outbox.interval}",
            skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    void tick() {
        if (running) {
            passes.request();
        }
    }

    private static Timer passTimer(MeterRegistry metrics, String outcome) {
        return Timer.builder("backcare.outbox.pass")
                .description("Outbox relay passes: publish and mark sent until nothing is left or a send fails")
                .tag("outcome", outcome)
                .register(metrics);
    }

    private void pass() {
        Timer.Sample sample = Timer.start();
        try {
            boolean more = true;
            while (more && running) {
                more = QuarkusTransaction.requiringNew().call(this::publishBatch);
            }
        } catch (RuntimeException e) {
            failing = true;
            LOG.warnf("outbox: relay pass failed, the timer retries: %s", e);
        }
        sample.stop(failing ? passesFailed : passesOk);
    }

    /** Publishes one batch; true when a full batch went out and more may be waiting. */
    boolean publishBatch() {
        // The batch's updates (attempts, sent_at) go to the database as one JDBC batch, not one round trip each.
        OutboxEvent.getSession().setJdbcBatchSize(batchSize);
        // One relay at a time per service: instances take turns, a batch each, so one patient's events never go out
        // from two instances at once, and an event that failed is sent again before any later one (the batch is the
        // oldest unsent events, and only its acknowledged prefix is marked sent). The turn ends with the transaction.
        locks.lock(RELAY_LOCK, "turn");
        List<OutboxEvent> batch = OutboxEvent.<OutboxEvent>find("sentAt is null order by seq")
                .page(0, batchSize)
                .list();
        // Everything first, then the acknowledgements: one round trip per batch instead of one per event.
        List<CompletableFuture<Void>> acks = new ArrayList<>(batch.size());
        for (OutboxEvent event : batch) {
            event.attempts++;
            acks.add(send(event));
        }
        SentPrefix sent = SentPrefix.await(acks, sendTimeout);
        Instant now = Instant.now(clock);
        for (OutboxEvent event : batch.subList(0, sent.length())) {
            event.sentAt = now;
            event.lastError = null;
        }
        if (sent.failure() != null) {
            OutboxEvent event = batch.get(sent.length());
            event.lastError = abbreviate(String.valueOf(sent.failure().getMessage()));
            LOG.warnf("outbox: event %s (%s) not published yet, attempt %d: %s; it and the %d after it go again later",
                    event.eventId, event.type, event.attempts, event.lastError, batch.size() - sent.length() - 1);
            failing = true;
            return false;
        }
        failing = false;
        return batch.size() == batchSize;
    }

    // A plain Emitter and a future of our own, not MutinyEmitter: a Mutiny subscription made here would carry this
    // transaction (context propagation) onto Kafka's callback thread, and Narayana refuses to commit while that thread
    // is still inside it ("commiting with 2 threads active").
    private CompletableFuture<Void> send(OutboxEvent event) {
        CompletableFuture<Void> ack = new CompletableFuture<>();
        Metadata key = Metadata.of(OutgoingKafkaRecordMetadata.<String>builder()
                .withKey(event.patientId.toString())
                .build());
        try {
            emitter.send(Message.of(event.payload, key,
                    () -> {
                        ack.complete(null);
                        return CompletableFuture.completedFuture(null);
                    },
                    failure -> {
                        ack.completeExceptionally(failure);
                        return CompletableFuture.completedFuture(null);
                    }));
        } catch (RuntimeException e) {
            // Refused before it left, e.g. the emitter's buffer is full.
            ack.completeExceptionally(e);
        }
        return ack;
    }

    /** Events not yet acknowledged by Kafka (the backcare.outbox.unsent gauge); -1 when the database is away. */
    public long unsentCount() {
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
