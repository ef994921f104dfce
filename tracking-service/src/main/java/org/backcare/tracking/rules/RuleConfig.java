package org.backcare.tracking.rules;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.math.BigDecimal;

/** The alert thresholds, overridable per deployment (backcare.rules.*); the defaults are the clinic's. */
@ConfigMapping(prefix = "backcare.rules")
public interface RuleConfig {

    @WithDefault("8")
    int flareAbsolutePain();

    @WithDefault("2")
    int flareAboveMedian();

    @WithDefault("2")
    int flareConsecutiveDays();

    @WithDefault("14")
    int trendWindowDays();

    @WithDefault("2")
    BigDecimal trendPoints();

    @WithDefault("30")
    BigDecimal trendPercent();

    @WithDefault("50")
    BigDecimal lowAdherencePercent();

    @WithDefault("14")
    int adherenceWindowDays();

    @WithDefault("10")
    int nsaidMaxConsecutiveDays();

    @WithDefault("3")
    int poorSleepQualityAtMost();

    @WithDefault("5")
    int poorSleepNights();

    @WithDefault("7")
    int poorSleepWindow();

    @WithDefault("3")
    int missedCheckInDays();

    @WithDefault("10")
    BigDecimal odiChangePoints();

    default RuleThresholds thresholds() {
        return new RuleThresholds(flareAbsolutePain(), flareAboveMedian(), flareConsecutiveDays(), trendWindowDays(),
                trendPoints(), trendPercent(), lowAdherencePercent(), adherenceWindowDays(), nsaidMaxConsecutiveDays(),
                poorSleepQualityAtMost(), poorSleepNights(), poorSleepWindow(), missedCheckInDays(), odiChangePoints());
    }
}
