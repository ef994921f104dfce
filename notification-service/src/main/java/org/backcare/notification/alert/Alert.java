package org.backcare.notification.alert;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import java.time.Instant;
import java.util.UUID;

/**
 * An urgent alert about a patient, chased until someone acknowledges it: each notification that belongs to it can
 * acknowledge it, and while nobody has, it is escalated when {@code nextEscalationAt} passes. All state is in the
 * database, so a restart of the service loses no chase.
 */
@Entity
@Table(name = "alert")
public class Alert extends PanacheEntityBase {

    @Id
    public UUID id;
    public UUID patientId;
    public UUID sourceEventId;
    public String kind;
    public String summary;
    public Instant raisedAt;
    public int escalationLevel;
    public Instant nextEscalationAt;
    public Instant acknowledgedAt;
    public String acknowledgedBy;

    @Version
    public long version;

    public boolean isAcknowledged() {
        return acknowledgedAt != null;
    }
}
