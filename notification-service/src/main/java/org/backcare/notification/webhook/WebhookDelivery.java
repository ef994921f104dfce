package org.backcare.notification.webhook;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.UUID;

/** One event for one endpoint, retried until the receiver accepts it or the attempts run out. */
@Entity
@Table(name = "webhook_delivery")
public class WebhookDelivery extends PanacheEntityBase {

    @Id
    public UUID id;
    public UUID endpointId;
    public UUID eventId;
    public String eventType;
    /** The exact JSON body that is signed and sent. */
    public String payload;
    /** A {@link DeliveryStatus} code. */
    public String status;
    public int attempts;
    public Instant nextAttemptAt;
    public Instant createdAt;
    public Instant deliveredAt;
}
