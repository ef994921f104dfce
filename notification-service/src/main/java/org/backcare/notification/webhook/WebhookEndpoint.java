package org.backcare.notification.webhook;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** An integrator's webhook endpoint: where to POST, the signing secret and the kinds subscribed to. */
@Entity
@Table(name = "webhook_endpoint")
public class WebhookEndpoint extends PanacheEntityBase {

    @Id
    public UUID id;
    public String ownerSubject;
    public String url;
    /** Signs every delivery; never shown again after the creation response. */
    public String secret;

    /** Empty: every kind. */
    @JdbcTypeCode(SqlTypes.JSON)
    @Column(columnDefinition = "jsonb")
    public List<String> kinds;

    public String description;
    public Instant createdAt;
    public int consecutiveFailures;
    public Instant disabledAt;
    public String disabledReason;

    public boolean isEnabled() {
        return disabledAt == null;
    }

    public boolean wants(String kind) {
        return kinds == null || kinds.isEmpty() || kinds.contains(kind);
    }
}
