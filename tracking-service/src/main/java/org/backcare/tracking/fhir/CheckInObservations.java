package org.backcare.tracking.fhir;

import org.backcare.tracking.checkin.CheckIn;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.IntegerType;
import org.hl7.fhir.r4.model.Observation;
import org.hl7.fhir.r4.model.Quantity;
import org.hl7.fhir.r4.model.Type;

import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Optional;

/**
 * A daily check-in as FHIR Observations (category survey), one per reported measure: pain (LOINC 72514-3), sleep
 * duration (LOINC 93832-4), and sleep quality, mood, function and stress (0-10 scores with local codes). The
 * Observation id is the check-in id followed by the measure, e.g. {@code <uuid>-pain}; every Observation of a check-in
 * carries its version and last update.
 */
public final class CheckInObservations {

    /** The measures of a check-in, each an Observation; the suffix ends the Observation id. */
    public enum Measure {
        PAIN("pain", FhirCodes.LOINC, "72514-3", "Pain severity - 0-10 verbal numeric rating [Score] - Reported"),
        SLEEP_DURATION("sleep-duration", FhirCodes.LOINC, "93832-4", "Sleep duration"),
        SLEEP_QUALITY("sleep-quality", FhirCodes.TRACKING_CODES, "sleep-quality", "Sleep quality, 0 (very poor) to 10 (excellent)"),
        MOOD("mood", FhirCodes.TRACKING_CODES, "mood", "Mood, 0 (very low) to 10 (very good)"),
        FUNCTION("function", FhirCodes.TRACKING_CODES, "function", "Daily function, 0 (could do nothing) to 10 (could do everything)"),
        STRESS("stress", FhirCodes.TRACKING_CODES, "stress", "Stress, 0 (none) to 10 (extreme)");

        public final String suffix;
        public final String system;
        public final String code;
        public final String display;

        Measure(String suffix, String system, String code, String display) {
            this.suffix = suffix;
            this.system = system;
            this.code = code;
            this.display = display;
        }

        public static Optional<Measure> ofSuffix(String suffix) {
            for (Measure m : values()) {
                if (m.suffix.equals(suffix)) {
                    return Optional.of(m);
                }
            }
            return Optional.empty();
        }
    }

    private CheckInObservations() {
    }

    public static String id(CheckIn c, Measure measure) {
        return c.id + "-" + measure.suffix;
    }

    /** Every Observation of the check-in, pain first; a measure the patient left out has none. */
    public static List<Observation> of(CheckIn c) {
        List<Observation> all = new ArrayList<>(Measure.values().length);
        for (Measure m : Measure.values()) {
            of(c, m).ifPresent(all::add);
        }
        return all;
    }

    public static Optional<Observation> of(CheckIn c, Measure measure) {
        Type value = switch (measure) {
            case PAIN -> new IntegerType(c.pain);
            case SLEEP_DURATION -> c.sleepHours == null ? null
                    : new Quantity().setValue(c.sleepHours).setUnit("h").setSystem(FhirCodes.UCUM).setCode("h");
            case SLEEP_QUALITY -> score(c.sleepQuality);
            case MOOD -> score(c.mood);
            case FUNCTION -> score(c.functionScore);
            case STRESS -> score(c.stress);
        };
        if (value == null) {
            return Optional.empty();
        }
        Observation o = Resources.identify(new Observation(), id(c, measure), c.version, c.updatedAt);
        o.setStatus(Observation.ObservationStatus.FINAL);
        o.addCategory(survey());
        o.setCode(new CodeableConcept(new Coding(measure.system, measure.code, measure.display)).setText(measure.display));
        o.setSubject(Resources.patient(c.patientId));
        o.setEffective(Resources.day(c.day));
        o.setIssued(Date.from(c.recordedAt));
        o.setValue(value);
        if (measure == Measure.PAIN) {
            if (c.locations != null && !c.locations.isEmpty()) {
                o.setBodySite(new CodeableConcept().setText(String.join(", ", c.locations)));
            }
            if (c.note != null && !c.note.isBlank()) {
                o.addNote().setText(c.note);
            }
        }
        return Optional.of(o);
    }

    static CodeableConcept survey() {
        return new CodeableConcept(new Coding(FhirCodes.OBSERVATION_CATEGORY, "survey", "Survey"));
    }

    private static IntegerType score(Integer value) {
        return value == null ? null : new IntegerType(value);
    }
}
