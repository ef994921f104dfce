package org.backcare.tracking.rules;

import org.backcare.platform.access.Role;
import org.backcare.tracking.questionnaire.Instruments;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * "A PHQ-9 or GAD-7 at moderate or worse (10 or more on either), or worse than the patient's previous result of the
 * same instrument by the MCID (PHQ-9 5 points, GAD-7 4), notifies the psychologist (the physician when the team has
 * none)." Bands and MCIDs are the instruments' ({@link Instruments}), so the rule cannot drift from the definitions.
 */
public final class PsychologicalDistressRule implements QuestionnaireRule {

    static final List<String> AUDIENCE = List.of(Role.PSYCHOLOGIST);
    /** The bands from "moderate" up, of the PHQ-9 and the GAD-7. */
    static final Set<String> MODERATE_OR_WORSE = Set.of("moderate", "moderately-severe", "severe");

    @Override
    public AlertType type() {
        return AlertType.PSYCHOLOGICAL_DISTRESS;
    }

    @Override
    public Optional<Finding> evaluate(QuestionnaireOutcome latest, QuestionnaireOutcome previous) {
        String name;
        if (Instruments.PHQ_9.equals(latest.instrument())) {
            name = "PHQ-9 (depression)";
        } else if (Instruments.GAD_7.equals(latest.instrument())) {
            name = "GAD-7 (anxiety)";
        } else {
            return Optional.empty();
        }
        boolean moderate = MODERATE_OR_WORSE.contains(latest.band());
        boolean worsened = false;
        Map<String, Object> details = QuestionnaireRules.details(latest, AUDIENCE);
        if (previous != null && latest.mcidPoints() != null) {
            int change = latest.score() - previous.score();
            worsened = BigDecimal.valueOf(change).compareTo(latest.mcidPoints()) >= 0;
            details.put("previousQuestionnaireId", previous.questionnaireId());
            details.put("previousDay", previous.day());
            details.put("previousScore", previous.score());
            details.put("changePoints", change);
            details.put("mcidPoints", latest.mcidPoints());
        }
        if (!moderate && !worsened) {
            return Optional.empty();
        }
        details.put("moderateOrWorse", moderate);
        details.put("worsenedByMcid", worsened);
        StringBuilder message = new StringBuilder(name).append(" ").append(latest.score()).append(" (")
                .append(latest.band()).append(") on ").append(latest.day());
        if (worsened) {
            message.append(", up ").append(latest.score() - previous.score()).append(" points from ")
                    .append(previous.score()).append(" on ").append(previous.day()).append(" (clinically important from ")
                    .append(Rules.plain(latest.mcidPoints())).append(")");
        }
        message.append(". Consider a psychological review.");
        return Optional.of(Finding.of(type(), message.toString(), details));
    }
}
