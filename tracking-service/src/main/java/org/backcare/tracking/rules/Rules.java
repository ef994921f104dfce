package org.backcare.tracking.rules;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;

/** The clinic's alert rulebook: all rules, evaluated together. */
public final class Rules {

    private static final List<Rule> ALL = List.of(
            new RedFlagSymptomRule(),
            new FlareRule(),
            new WorseningTrendRule(),
            new ImprovingTrendRule(),
            new LowExerciseAdherenceRule(),
            new NsaidOveruseRule(),
            new PoorSleepRule(),
            new MissedCheckInsRule(),
            new OdiChangeRule());

    private Rules() {
    }

    /** The 9 rules, one per {@link AlertType}, in {@link AlertType} order. */
    public static List<Rule> all() {
        return ALL;
    }

    /** The findings of all rules with the clinic's default thresholds, in {@link AlertType} order. */
    public static List<Finding> evaluate(PatientHistory history) {
        return evaluate(history, RuleThresholds.defaults());
    }

    /** The findings of all rules, in {@link AlertType} order. */
    public static List<Finding> evaluate(PatientHistory history, RuleThresholds thresholds) {
        Objects.requireNonNull(history, "history");
        Objects.requireNonNull(thresholds, "thresholds");
        List<Finding> findings = new ArrayList<>();
        for (Rule rule : ALL) {
            rule.evaluate(history, thresholds).ifPresent(findings::add);
        }
        findings.sort(Comparator.comparing(Finding::type));
        return List.copyOf(findings);
    }

    /** A number as a clinician writes it: {@code 4.5}, {@code 4}, {@code 42.86}. */
    static String plain(BigDecimal value) {
        return value.stripTrailingZeros().toPlainString();
    }
}
