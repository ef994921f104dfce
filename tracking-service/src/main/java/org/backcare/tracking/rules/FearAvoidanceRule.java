package org.backcare.tracking.rules;

import org.backcare.platform.access.Role;
import org.backcare.tracking.questionnaire.Instruments;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * "Pain Catastrophizing Scale 30 or more (clinically relevant) or TSK-11 high (36 or more) notifies the psychologist
 * and the physical therapist": catastrophizing and fear of movement are what psychologically informed physiotherapy
 * (graded exposure, pain education) addresses. The thresholds are the instruments' bands ({@link Instruments}).
 */
public final class FearAvoidanceRule implements QuestionnaireRule {

    static final List<String> AUDIENCE = List.of(Role.PSYCHOLOGIST, Role.PHYSICAL_THERAPIST);

    @Override
    public AlertType type() {
        return AlertType.FEAR_AVOIDANCE;
    }

    @Override
    public Optional<Finding> evaluate(QuestionnaireOutcome latest, QuestionnaireOutcome previous) {
        String what;
        if (Instruments.PCS.equals(latest.instrument()) && "clinically-relevant".equals(latest.band())) {
            what = "Pain catastrophizing (PCS) " + latest.score() + " of 52, clinically relevant from 30";
        } else if (Instruments.TSK_11.equals(latest.instrument()) && "high".equals(latest.band())) {
            what = "Fear of movement (TSK-11) " + latest.score() + " of 44, high from 36";
        } else {
            return Optional.empty();
        }
        Map<String, Object> details = QuestionnaireRules.details(latest, AUDIENCE);
        return Optional.of(Finding.of(type(), what + ", on " + latest.day()
                + ". Consider psychologically informed physiotherapy (graded exposure, pain education).", details));
    }
}
