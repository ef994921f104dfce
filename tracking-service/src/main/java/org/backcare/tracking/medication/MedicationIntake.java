package org.backcare.tracking.medication;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/** One dose the patient took, with any side effects they noticed. */
@Entity
@Table(name = "medication_intake")
public class MedicationIntake extends PanacheEntityBase {

    @Id
    public UUID id;
    public UUID patientId;
    public Instant takenAt;
    public LocalDate day;
    public String drug;
    public BigDecimal dose;
    public String unit;
    @JdbcTypeCode(SqlTypes.JSON)
    public List<String> sideEffects;
    public String recordedBy;
    public Instant recordedAt;
}
