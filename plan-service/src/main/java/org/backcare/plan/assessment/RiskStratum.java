package org.backcare.plan.assessment;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.LocalDate;
import java.util.Optional;
import java.util.UUID;

/** The patient's latest STarT Back stratum: low, medium or high (high gets psychologically informed care). */
@Schema(name = "RiskStratum", description = "The latest STarT Back result; null until the patient has one")
public record RiskStratum(@Schema(example = "start-back") String instrument,
                          @Schema(example = "high", enumeration = {"low", "medium", "high"}) String stratum,
                          @Schema(example = "2026-12-07") LocalDate day,
                          UUID questionnaireId) {

    public static final String HIGH = "high";

    public boolean high() {
        return HIGH.equals(stratum);
    }

    public static Optional<RiskStratum> latest(UUID patientId) {
        return CompletedAssessment.latestStartBack(patientId).map(a -> new RiskStratum(Instrument.START_BACK.code(),
                a.band, a.day, a.questionnaireId));
    }
}
