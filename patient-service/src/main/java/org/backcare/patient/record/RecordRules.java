package org.backcare.patient.record;

import org.backcare.platform.problem.Problem.FieldError;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

/** Rules about a patient record that span fields; plain Java so they are tested without the framework. */
public final class RecordRules {

    /** Back pain lasting more than 12 weeks is chronic (seeds: "pain that lasts longer than 12 weeks"). */
    public static final int CHRONIC_AFTER_WEEKS = 12;
    static final LocalDate EARLIEST_BIRTH_DATE = LocalDate.of(1900, 1, 1);

    private RecordRules() {
    }

    /** Chronic when the onset lies more than 12 weeks before today; unknown when there is no onset date. */
    public static Boolean isChronic(LocalDate painOnset, LocalDate today) {
        if (painOnset == null) {
            return null;
        }
        return ChronoUnit.DAYS.between(painOnset, today) > CHRONIC_AFTER_WEEKS * 7L;
    }

    /** Problems Bean Validation cannot see because they involve two fields; empty when the record is consistent. */
    public static List<FieldError> crossFieldErrors(PatientRequest r) {
        List<FieldError> errors = new ArrayList<>();
        if (r.birthDate() != null && r.birthDate().isBefore(EARLIEST_BIRTH_DATE)) {
            errors.add(new FieldError("birthDate", "must be on or after " + EARLIEST_BIRTH_DATE));
        }
        if (r.painOnsetDate() != null && r.birthDate() != null && r.painOnsetDate().isBefore(r.birthDate())) {
            errors.add(new FieldError("painOnsetDate", "must not be before the birth date"));
        }
        boolean hasRationale = r.painTypeRationale() != null && !r.painTypeRationale().isBlank();
        if (r.painType() != null && !hasRationale) {
            errors.add(new FieldError("painTypeRationale", "explain the pain classification when setting painType"));
        }
        if (r.painType() == null && hasRationale) {
            errors.add(new FieldError("painType", "a rationale needs a pain type"));
        }
        return errors;
    }
}
