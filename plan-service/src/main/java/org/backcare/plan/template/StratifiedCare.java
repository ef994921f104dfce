package org.backcare.plan.template;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/** What a plan gained at creation because of the patient's STarT Back stratum (high risk). */
@Schema(name = "StratifiedCare", description = "Parts added to the template because the patient's STarT Back stratum was high")
public record StratifiedCare(@Schema(example = "high") String stratum,
                             @Schema(example = "2026-12-07") LocalDate day,
                             UUID questionnaireId,
                             List<Addition> added) {

    /** One added part: the section and what was added to it. */
    @Schema(name = "StratifiedAddition")
    public record Addition(@Schema(example = "goals") String section,
                           @Schema(example = "Psychologist review of the psychosocial risk") String item) {
    }
}
