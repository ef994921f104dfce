package org.backcare.tracking.plan;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/** What the patient's active plan prescribes, as plan-service last published it (plan-events). */
@Entity
@Table(name = "active_plan")
public class ActivePlan extends PanacheEntityBase {

    @Id
    public UUID patientId;
    public UUID planId;
    public LocalDate startDate;
    /** The plan's exercises section content: {"exercises": [...]} */
    @JdbcTypeCode(SqlTypes.JSON)
    public String exercises;
    /** The plan's medications section content: {"medications": [...]} */
    @JdbcTypeCode(SqlTypes.JSON)
    public String medications;
    @JdbcTypeCode(SqlTypes.JSON)
    public String selfManagement;
    public Instant updatedAt;
}
