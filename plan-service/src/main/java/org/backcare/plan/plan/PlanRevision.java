package org.backcare.plan.plan;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import java.io.Serializable;
import java.time.Instant;
import java.util.UUID;

/** One revision of a plan: who changed what, when, and the whole plan as it was afterwards. */
@Entity
@Table(name = "plan_revision")
@IdClass(PlanRevision.Key.class)
public class PlanRevision extends PanacheEntityBase {

    @Id
    public UUID planId;
    @Id
    public int revision;

    /** The section changed, or "plan" for the plan's own fields and status. */
    public String changed;
    public String summary;
    public String changedBy;
    public Instant changedAt;

    @JdbcTypeCode(SqlTypes.JSON)
    public String snapshot;

    /** Composite key: plan and revision number. */
    public record Key(UUID planId, int revision) implements Serializable {
    }
}
