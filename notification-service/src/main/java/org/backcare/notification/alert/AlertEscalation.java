package org.backcare.notification.alert;

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

/** One escalation of an alert: when, to which level, and who it went to. */
@Entity
@Table(name = "alert_escalation")
public class AlertEscalation extends PanacheEntityBase {

    @Id
    public UUID id;
    public UUID alertId;
    public int level;
    public Instant escalatedAt;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(columnDefinition = "jsonb")
    public List<String> recipients;
}
