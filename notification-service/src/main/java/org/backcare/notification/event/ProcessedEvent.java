package org.backcare.notification.event;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.UUID;

/** An event id already handled; written in the same transaction as its notifications, so a redelivery does nothing. */
@Entity
@Table(name = "processed_event")
public class ProcessedEvent extends PanacheEntityBase {

    @Id
    public UUID eventId;
    public String topic;
    public String type;
    public Instant processedAt;
}
