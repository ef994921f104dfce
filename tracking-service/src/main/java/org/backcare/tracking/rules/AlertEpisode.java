package org.backcare.tracking.rules;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;

import java.io.Serializable;
import java.time.Instant;
import java.util.UUID;

/** Whether an alert of a type is currently raised for a patient: it is raised once, then stays open while it holds. */
@Entity
@Table(name = "alert_episode")
@IdClass(AlertEpisode.Key.class)
public class AlertEpisode extends PanacheEntityBase {

    @Id
    public UUID patientId;
    @Id
    public String type;
    public boolean open;
    public Instant openedAt;
    public Instant closedAt;

    /** Composite key: patient and alert type. */
    public record Key(UUID patientId, String type) implements Serializable {
    }
}
