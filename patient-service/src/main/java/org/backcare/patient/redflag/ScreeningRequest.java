package org.backcare.patient.redflag;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.util.Map;

/** A completed red-flag checklist: every item answered yes (true) or no (false). */
@Schema(name = "RedFlagScreeningRequest")
public record ScreeningRequest(
        @NotNull @Schema(required = true, description = "New significant weakness in a leg or progressive numbness")
        Boolean newLegWeaknessOrProgressiveNumbness,
        @NotNull @Schema(required = true, description = "Loss of bowel or bladder control, or saddle numbness")
        Boolean bowelOrBladderLossOrSaddleNumbness,
        @NotNull @Schema(required = true) Boolean fever,
        @NotNull @Schema(required = true) Boolean unexplainedWeightLoss,
        @NotNull @Schema(required = true) Boolean historyOfCancer,
        @NotNull @Schema(required = true) Boolean recentSignificantTrauma,
        @NotNull @Schema(required = true, description = "Severe unrelenting pain not easing with rest, especially at night")
        Boolean severeUnrelentingNightPain,
        @Size(max = 2000) @Schema(example = "Fell from a ladder 5 days ago") String notes) {

    public Map<RedFlag, Boolean> answers() {
        Map<RedFlag, Boolean> answers = RedFlagScreen.answers();
        answers.put(RedFlag.NEW_LEG_WEAKNESS_OR_PROGRESSIVE_NUMBNESS, newLegWeaknessOrProgressiveNumbness);
        answers.put(RedFlag.BOWEL_OR_BLADDER_LOSS_OR_SADDLE_NUMBNESS, bowelOrBladderLossOrSaddleNumbness);
        answers.put(RedFlag.FEVER, fever);
        answers.put(RedFlag.UNEXPLAINED_WEIGHT_LOSS, unexplainedWeightLoss);
        answers.put(RedFlag.HISTORY_OF_CANCER, historyOfCancer);
        answers.put(RedFlag.RECENT_SIGNIFICANT_TRAUMA, recentSignificantTrauma);
        answers.put(RedFlag.SEVERE_UNRELENTING_NIGHT_PAIN, severeUnrelentingNightPain);
        return answers;
    }
}
