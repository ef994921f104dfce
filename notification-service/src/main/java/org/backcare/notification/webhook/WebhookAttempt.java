package org.backcare.notification.webhook;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.UUID;

/** One try at sending a delivery, kept for the integrator's delivery log. */
@Entity
@Table(name = "webhook_attempt")
public class WebhookAttempt extends PanacheEntityBase {

    @Id
    public UUID id;
    public UUID deliveryId;
    public int number;
    public Instant attemptedAt;
    /** The receiver's HTTP status; null when there was no answer (see {@link #error}). */
    public Integer httpStatus;
    public String error;
    public long durationMs;
}
