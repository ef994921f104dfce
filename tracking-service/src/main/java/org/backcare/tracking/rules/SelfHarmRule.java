package org.backcare.tracking.rules;

import org.backcare.platform.access.Role;
import org.backcare.tracking.questionnaire.Instruments;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * "PHQ-9 item 9 answered above 0 is urgent: every psychologist and physician on the team, chased until acknowledged,
 * and crisis guidance for the patient at once."
 * <p>
 * Item 9 asks about thoughts of being better off dead or of self-harm. Any answer above "not at all" needs a
 * clinician to assess suicide risk promptly, whatever the total: it predicts suicide attempts and deaths over the
 * following year (Simon GE et al. Psychiatr Serv 2013;64(12):1195-1202). Routing (who exactly, the escalation and
 * the patient's guidance) is notification-service's; {@code audience} in the details names the disciplines.
 */
public final class SelfHarmRule implements QuestionnaireRule {

    static final List<String> AUDIENCE = List.of(Role.PSYCHOLOGIST, Role.PHYSICIAN);

    @Override
    public AlertType type() {
        return AlertType.SELF_HARM_RISK;
    }

    @Override
    public Optional<Finding> evaluate(QuestionnaireOutcome latest, QuestionnaireOutcome previous) {
        if (!Instruments.PHQ_9.equals(latest.instrument()) || latest.selfHarmAnswer() == null
                || latest.selfHarmAnswer() <= 0) {
            return Optional.empty();
        }
        Map<String, Object> details = QuestionnaireRules.details(latest, AUDIENCE);
        details.put("item", 9);
        details.put("itemAnswer", latest.selfHarmAnswer());
        String message = "PHQ-9 item 9 (thoughts of being better off dead or of self-harm) answered "
                + latest.selfHarmAnswer() + " of 3 on " + latest.day() + " (PHQ-9 total " + latest.score() + ", "
                + latest.band() + "). Assess suicide risk with the patient today.";
        return Optional.of(Finding.of(type(), message, details));
    }
}
