package org.backcare.tracking.trend;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;

import java.io.Serializable;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.UUID;

/** A patient's day in one row, kept current on every write, so trends read a bounded number of rows. */
@Entity
@Table(name = "daily_rollup")
@IdClass(DailyRollup.Key.class)
public class DailyRollup extends PanacheEntityBase {

    @Id
    public UUID patientId;
    @Id
    public LocalDate day;
    public Integer pain;
    public BigDecimal sleepHours;
    public Integer sleepQuality;
    public int exerciseSessions;
    public int medicationDoses;
    /** NSAID taken that day, in the drug's unit (null when none). */
    public BigDecimal nsaidTotal;

    /** Composite key: patient and day. */
    public record Key(UUID patientId, LocalDate day) implements Serializable {
    }
}
