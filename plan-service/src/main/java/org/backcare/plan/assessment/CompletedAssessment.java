package org.backcare.plan.assessment;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** A scored instrument result of a patient, as tracking-service published it (tracking-events). */
@Entity
@Table(name = "completed_assessment")
public class CompletedAssessment extends PanacheEntityBase {

    @Id
    public UUID questionnaireId;
    public UUID patientId;
    /** The instrument code (start-back, phq-9, ..., odi). */
    public String instrument;
    public LocalDate day;
    /** STarT Back: low, medium or high; otherwise the instrument's band code, or null. */
    public String band;
    public Instant recordedAt;

    /** The patient's latest STarT Back result, if any. */
    public static Optional<CompletedAssessment> latestStartBack(UUID patientId) {
        return find("patientId = ?1 and instrument = ?2 order by day desc, recordedAt desc", patientId,
                Instrument.START_BACK.code()).firstResultOptional();
    }

    /** The days the patient completed the instrument on or after {@code from}. */
    public static List<LocalDate> daysSince(UUID patientId, String instrument, LocalDate from) {
        return CompletedAssessment.<CompletedAssessment>list("patientId = ?1 and instrument = ?2 and day >= ?3",
                patientId, instrument, from).stream().map(a -> a.day).toList();
    }
}
