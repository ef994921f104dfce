package org.backcare.plan.section;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import java.io.Serializable;
import java.time.Instant;
import java.util.UUID;

/** One section of a plan, with its own version: editing the exercises never conflicts with editing medications. */
@Entity
@Table(name = "plan_section")
@IdClass(PlanSection.Key.class)
public class PlanSection extends PanacheEntityBase {

    @Id
    public UUID planId;
    @Id
    @Enumerated(EnumType.STRING)
    public SectionKind kind;

    @Version
    public long version;

    /** The section content as JSON (the record SectionContent.typeOf(kind)). */
    @JdbcTypeCode(SqlTypes.JSON)
    public String content;

    public String updatedBy;
    public Instant updatedAt;

    /** Composite key: plan and section kind. */
    public record Key(UUID planId, SectionKind kind) implements Serializable {
    }
}
