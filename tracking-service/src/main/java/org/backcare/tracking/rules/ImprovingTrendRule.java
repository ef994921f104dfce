package org.backcare.tracking.rules;

import java.util.Optional;

/**
 * "Improving trend: the mean pain of the last 14 days (today inclusive) is lower than the mean of the 14 days before
 * by 2 points or more, or by 30 % or more; each window needs at least 7 logged days, else no finding."
 * <p>
 * The mirror of {@link WorseningTrendRule}, with the same windows and arithmetic.
 */
public final class ImprovingTrendRule implements Rule {

    @Override
    public AlertType type() {
        return AlertType.IMPROVING_TREND;
    }

    @Override
    public Optional<Finding> evaluate(PatientHistory h, RuleThresholds t) {
        return WorseningTrendRule.compare(h, t).filter(c -> c.direction() < 0)
                .map(c -> WorseningTrendRule.finding(type(), c, t));
    }
}
