package org.backcare.platform.events;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.UUID;

/**
 * An event id already applied; written in the same transaction as its effect, so a redelivered or replayed event
 * changes nothing (every consumer is idempotent through this table).
 */
@Entity
@Table(name = "processed_event")
public class ProcessedEvent extends PanacheEntityBase {

    @Id
    public UUID eventId;
    /** The topic it was read from. */
    public String topic;
    public String type;
    public Instant processedAt;

    /** Whether this event id was applied before (call inside the transaction that applies it). */
    public static boolean seen(UUID eventId) {
        return findById(eventId) != null;
    }

    /** Records the event as applied, in the caller's transaction. */
    public static void record(UUID eventId, String topic, String type, Instant at) {
        ProcessedEvent processed = new ProcessedEvent();
        processed.eventId = eventId;
        processed.topic = topic;
        processed.type = type;
        processed.processedAt = at;
        processed.persist();
    }
}
