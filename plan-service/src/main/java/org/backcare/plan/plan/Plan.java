package org.backcare.plan.plan;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.annotations.OptimisticLock;
import org.hibernate.type.SqlTypes;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/** One treatment plan for one episode of a patient's care. Its sections live in plan_section, versioned apart. */
@Entity
@Table(name = "plan")
public class Plan extends PanacheEntityBase {

    @Id
    public UUID id;
    public UUID patientId;

    /** Version of the plan's own fields (title, dates, status): the ETag of PUT /plans/{id}. */
    @Version
    public long version;

    @Enumerated(EnumType.STRING)
    public PlanStatus status;
    public String title;
    /** The template it was created from, if any (mechanical, inflammatory, radicular, complex). */
    public String template;
    public String ownerSubject;
    public LocalDate startDate;
    public LocalDate reviewDate;
    public int reviewIntervalWeeks;
    /** The review date for which PlanReviewDue was raised, so it is raised once per overdue review. */
    @OptimisticLock(excluded = true)
    public LocalDate reviewDueRaisedFor;

    /** Counts every change of the plan; not part of the ETag, so section edits never conflict with each other. */
    @OptimisticLock(excluded = true)
    public int revision;
    @OptimisticLock(excluded = true)
    public Instant updatedAt;

    public Instant createdAt;

    /** What creation added because of a high STarT Back stratum (StratifiedCare as JSON), or null. */
    @JdbcTypeCode(SqlTypes.JSON)
    public String stratifiedCare;

    public boolean reviewOverdue(LocalDate today) {
        return PlanLifecycle.isOpen(status) && reviewDate != null && reviewDate.isBefore(today);
    }
}
