package org.backcare.tracking.outbox;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.time.Clock;
import java.time.Instant;
import java.util.UUID;

/**
 * Records an event in the caller's transaction. Nothing is sent here: if the change rolls back, so does the event,
 * and if Kafka is down the event waits in the table until {@link OutboxRelay} gets it out.
 */
@ApplicationScoped
public class Outbox {

    static final String SOURCE = "tracking-service";

    private final ObjectMapper json;
    private final Clock clock;

    public Outbox(ObjectMapper json, Clock clock) {
        this.json = json;
        this.clock = clock;
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void publish(EventType type, UUID patientId, Object data) {
        OutboxEvent event = new OutboxEvent();
        event.eventId = UUID.randomUUID();
        event.patientId = patientId;
        event.type = type.wireName();
        event.version = EventType.SCHEMA_VERSION;
        event.occurredAt = Instant.now(clock);
        try {
            event.payload = json.writeValueAsString(new EventEnvelope(event.eventId, event.type, event.version,
                    event.occurredAt, SOURCE, patientId, data));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("event " + type + " could not be serialized", e);
        }
        event.persist();
    }
}
