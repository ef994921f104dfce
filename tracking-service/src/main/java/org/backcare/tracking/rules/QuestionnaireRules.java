package org.backcare.tracking.rules;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/** The clinic's questionnaire safety rules: all evaluated on each newly scored instrument result. */
public final class QuestionnaireRules {

    private static final List<QuestionnaireRule> ALL = List.of(
            new SelfHarmRule(),
            new PsychologicalDistressRule(),
            new FearAvoidanceRule());

    private QuestionnaireRules() {
    }

    /** The 3 rules, in {@link AlertType} order. */
    public static List<QuestionnaireRule> all() {
        return ALL;
    }

    /**
     * The findings of all rules for {@code latest}, in {@link AlertType} order.
     *
     * @param previous the patient's result of the same instrument before {@code latest}, or {@code null}
     */
    public static List<Finding> evaluate(QuestionnaireOutcome latest, QuestionnaireOutcome previous) {
        Objects.requireNonNull(latest, "latest");
        if (previous != null && !previous.instrument().equals(latest.instrument())) {
            throw new IllegalArgumentException("the previous result must be of the same instrument: "
                    + previous.instrument() + " is not " + latest.instrument());
        }
        List<Finding> findings = new ArrayList<>();
        for (QuestionnaireRule rule : ALL) {
            rule.evaluate(latest, previous).ifPresent(findings::add);
        }
        findings.sort(Comparator.comparing(Finding::type));
        return List.copyOf(findings);
    }

    /** The details every questionnaire finding starts with: the result's scores and who it is for, no free text. */
    static Map<String, Object> details(QuestionnaireOutcome latest, List<String> audience) {
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("questionnaireId", latest.questionnaireId());
        details.put("instrument", latest.instrument());
        details.put("version", latest.version());
        details.put("day", latest.day());
        details.put("score", latest.score());
        details.put("band", latest.band());
        details.put("flags", latest.flags());
        details.put("audience", audience);
        return details;
    }
}
