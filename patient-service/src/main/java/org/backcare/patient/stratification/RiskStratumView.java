package org.backcare.patient.stratification;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.LocalDate;
import java.util.UUID;

/** The latest risk stratum as the API and the PatientSnapshot of the events show it. */
@Schema(name = "RiskStratum", description = "The latest STarT Back risk stratum, from tracking-service's results")
public record RiskStratumView(@Schema(example = "start-back") String instrument,
                              @Schema(enumeration = {"low", "medium", "high"}, example = "high") String stratum,
                              @Schema(example = "2026-12-07") LocalDate day,
                              @Schema(description = "The STarT Back result in tracking-service") UUID questionnaireId) {

    /** The view of a stored stratum; null when the patient has none yet. */
    public static RiskStratumView of(RiskStratum stratum) {
        return stratum == null || stratum.stratum == null ? null
                : new RiskStratumView(RiskStratum.START_BACK, stratum.stratum, stratum.day, stratum.questionnaireId);
    }
}
