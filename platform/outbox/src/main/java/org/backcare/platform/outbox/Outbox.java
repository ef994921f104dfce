package org.backcare.platform.outbox;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;
import jakarta.transaction.Transactional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.time.Clock;
import java.time.Instant;
import java.util.UUID;

/**
 * Records an event in the caller's transaction. Nothing is sent here: if the change rolls back, so does the event,
 * and if Kafka is down the event waits in the table until {@link OutboxRelay} gets it out. Once the transaction has
 * committed, the relay is woken so the event leaves at once instead of at the relay's next tick. The envelope's
 * {@code source} is the service's {@code quarkus.application.name}.
 */
@ApplicationScoped
public class Outbox {

    /** Marks a transaction whose commit already wakes the relay. */
    private static final Object WAKE_ON_COMMIT = new Object();

    private final String source;
    private final ObjectMapper json;
    private final Clock clock;
    private final TransactionSynchronizationRegistry transactions;
    private final OutboxRelay relay;

    public Outbox(@ConfigProperty(name = "quarkus.application.name") String source, ObjectMapper json, Clock clock,
                  TransactionSynchronizationRegistry transactions, OutboxRelay relay) {
        this.source = source;
        this.json = json;
        this.clock = clock;
        this.transactions = transactions;
        this.relay = relay;
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void publish(OutboxEventType type, UUID patientId, Object data) {
        OutboxEvent event = new OutboxEvent();
        event.eventId = UUID.randomUUID();
        event.patientId = patientId;
        event.type = type.wireName();
        event.version = type.schemaVersion();
        event.occurredAt = Instant.now(clock);
        try {
            event.payload = json.writeValueAsString(new EventEnvelope(event.eventId, event.type, event.version,
                    event.occurredAt, source, patientId, data));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("event " + type + " could not be serialized", e);
        }
        event.persist();
        wakeRelayOnCommit();
    }

    private void wakeRelayOnCommit() {
        // Once per transaction, however many events it writes: one pass sends them all.
        if (transactions.getResource(WAKE_ON_COMMIT) == null) {
            transactions.putResource(WAKE_ON_COMMIT, Boolean.TRUE);
            transactions.registerInterposedSynchronization(new Synchronization() {
                @Override
                public void beforeCompletion() {
                }

                @Override
                public void afterCompletion(int status) {
                    // Runs on the committing thread: wake() only hands the pass to the relay thread.
                    if (status == Status.STATUS_COMMITTED) {
                        relay.wake();
                    }
                }
            });
        }
    }
}
