package org.backcare.tracking.questionnaire;

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
import java.util.Optional;
import java.util.UUID;

/**
 * A completed questionnaire, with every answer and the score: the Oswestry Disability Index ({@link Odi}) or one of
 * the {@link Instruments} (kind = the instrument id).
 */
@Entity
@Table(name = "questionnaire")
public class Questionnaire extends PanacheEntityBase {

    public static final String ODI = "odi";

    @Id
    public UUID id;
    public UUID patientId;
    public String kind;
    /** The version of the definition it was scored with: {@link Odi#VERSION}, or {@link Instrument#version()}. */
    public String version;
    public LocalDate day;
    /** The answers by item (ODI: the ten sections, 0-5), null where one was skipped. */
    @JdbcTypeCode(SqlTypes.JSON)
    public List<Integer> answers;
    public int answered;
    /** ODI: the percentage; an instrument: its total (prorated where items were missing). */
    public BigDecimal score;
    /**
     * ODI only: the patient's first ODI is the baseline, unless a later one is explicitly marked as the new baseline.
     * Always false for the other instruments.
     */
    public boolean baseline;
    public String recordedBy;
    public Instant recordedAt;

    public static Optional<Questionnaire> baselineOdi(UUID patientId) {
        return Questionnaire.<Questionnaire>find("patientId = ?1 and kind = ?2 and baseline = true order by day desc, recordedAt desc",
                patientId, ODI).firstResultOptional();
    }

    public static Optional<Questionnaire> latestOdi(UUID patientId) {
        return Questionnaire.<Questionnaire>find("patientId = ?1 and kind = ?2 order by day desc, recordedAt desc",
                patientId, ODI).firstResultOptional();
    }
}
