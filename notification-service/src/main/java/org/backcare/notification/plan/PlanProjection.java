package org.backcare.notification.plan;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/** The patient's latest plan, from plan-events: its owner and the flare-up steps the patient is told in a flare. */
@Entity
@Table(name = "plan_projection")
public class PlanProjection extends PanacheEntityBase {

    @Id
    public UUID patientId;
    public UUID planId;
    public String status;
    public String ownerSubject;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(columnDefinition = "jsonb")
    public List<String> flareUpSteps = new ArrayList<>();

    public Instant updatedAt;
}
