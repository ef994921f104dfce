package org.backcare.platform.outbox;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import java.time.Instant;
import java.util.UUID;

/** An event written in the same transaction as the change it describes, waiting for the relay to publish it. */
@Entity
@Table(name = "outbox_event")
public class OutboxEvent extends PanacheEntityBase {

    /** Publication order: events of one patient leave in the order they were written. */
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long seq;

    public UUID eventId;
    public UUID patientId;
    public String type;
    public int version;
    public Instant occurredAt;

    /** The complete envelope as published. */
    @JdbcTypeCode(SqlTypes.JSON)
    public String payload;

    public Instant sentAt;
    /** How often the relay handed the event to Kafka; more than one when it was (or may have been) sent again. */
    public int attempts;
    /** Why the last attempt failed; set on the first event of a batch that was not acknowledged. */
    public String lastError;
}
