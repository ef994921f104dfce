package org.backcare.tracking.checkin;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/** The patient's daily check-in: one per patient and day; a second one for the same day updates it. */
@Entity
@Table(name = "check_in")
public class CheckIn extends PanacheEntityBase {

    @Id
    public UUID id;
    public UUID patientId;
    public LocalDate day;
    @Version
    public long version;

    /** Pain on the 0-10 numeric rating scale (LOINC 72514-3). */
    public int pain;
    @JdbcTypeCode(SqlTypes.JSON)
    public List<String> locations;
    @JdbcTypeCode(SqlTypes.JSON)
    public List<String> painCharacter;
    public boolean legSymptoms;
    public Integer functionScore;
    public BigDecimal sleepHours;
    public Integer sleepQuality;
    public Integer mood;
    public Integer stress;
    @JdbcTypeCode(SqlTypes.JSON)
    public List<String> triggers;
    @JdbcTypeCode(SqlTypes.JSON)
    public List<String> relievers;
    public String note;
    @JdbcTypeCode(SqlTypes.JSON)
    public List<String> redFlags;

    public String recordedBy;
    public Instant recordedAt;
    public Instant updatedAt;
}
