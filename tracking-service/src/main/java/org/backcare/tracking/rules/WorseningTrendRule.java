package org.backcare.tracking.rules;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * "Worsening trend: the mean pain of the last 14 days (today inclusive) is higher than the mean of the 14 days before
 * by 2 points or more, or by 30 % or more; each window needs at least 7 logged days, else no finding."
 * <p>
 * The minimum of logged days is half the window, rounded up (7 of 14). The percentage is of the earlier mean; when the
 * earlier mean is 0 only the points count. Thresholds are compared with the exact means, not rounded ones.
 */
public final class WorseningTrendRule implements Rule {

    @Override
    public AlertType type() {
        return AlertType.WORSENING_TREND;
    }

    @Override
    public Optional<Finding> evaluate(PatientHistory h, RuleThresholds t) {
        return compare(h, t).filter(c -> c.direction() > 0).map(c -> finding(type(), c, t));
    }

    /** The last window of pain against the window before it, as the two trend rules see it. */
    record Comparison(LocalDate recentFrom, LocalDate recentTo, LocalDate previousFrom, LocalDate previousTo,
                      int recentDays, int previousDays, BigDecimal recentMean, BigDecimal previousMean,
                      BigDecimal changePoints, BigDecimal changePercent, int direction) {
    }

    /**
     * Compares the windows; empty when either has fewer logged days than half the window. {@code direction} is +1 when
     * pain is higher by the threshold, -1 when lower by the threshold, 0 otherwise.
     */
    static Optional<Comparison> compare(PatientHistory h, RuleThresholds t) {
        int w = t.trendWindowDays();
        int minLogged = (w + 1) / 2;
        LocalDate recentTo = h.today();
        LocalDate recentFrom = recentTo.minusDays(w - 1L);
        LocalDate previousTo = recentFrom.minusDays(1);
        LocalDate previousFrom = previousTo.minusDays(w - 1L);
        Collection<Integer> recent = h.dailyPain().subMap(recentFrom, recentTo.plusDays(1)).values();
        Collection<Integer> previous = h.dailyPain().subMap(previousFrom, previousTo.plusDays(1)).values();
        if (recent.size() < minLogged || previous.size() < minLogged) {
            return Optional.empty();
        }
        long sumR = recent.stream().mapToLong(Integer::longValue).sum();
        long sumP = previous.stream().mapToLong(Integer::longValue).sum();
        long nR = recent.size();
        long nP = previous.size();
        // (recentMean − previousMean) × nR × nP, exact.
        BigDecimal scaledDelta = BigDecimal.valueOf(sumR * nP - sumP * nR);
        BigDecimal abs = scaledDelta.abs();
        boolean byPoints = abs.compareTo(t.trendPoints().multiply(BigDecimal.valueOf(nR * nP))) >= 0;
        // delta / previousMean >= p / 100  <=>  scaledDelta × 100 >= p × sumP × nR
        boolean byPercent = sumP > 0 && abs.multiply(BigDecimal.valueOf(100))
                .compareTo(t.trendPercent().multiply(BigDecimal.valueOf(sumP * nR))) >= 0;
        int direction = byPoints || byPercent ? scaledDelta.signum() : 0;

        BigDecimal recentMean = BigDecimal.valueOf(sumR).divide(BigDecimal.valueOf(nR), 2, RoundingMode.HALF_UP);
        BigDecimal previousMean = BigDecimal.valueOf(sumP).divide(BigDecimal.valueOf(nP), 2, RoundingMode.HALF_UP);
        BigDecimal changePoints = scaledDelta.divide(BigDecimal.valueOf(nR * nP), 2, RoundingMode.HALF_UP);
        BigDecimal changePercent = sumP == 0 ? null : scaledDelta.multiply(BigDecimal.valueOf(100))
                .divide(BigDecimal.valueOf(sumP * nR), 2, RoundingMode.HALF_UP);
        return Optional.of(new Comparison(recentFrom, recentTo, previousFrom, previousTo, (int) nR, (int) nP,
                recentMean, previousMean, changePoints, changePercent, direction));
    }

    /** The finding of a trend rule, worsening or improving. */
    static Finding finding(AlertType type, Comparison c, RuleThresholds t) {
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("recentFrom", c.recentFrom());
        details.put("recentTo", c.recentTo());
        details.put("recentDaysLogged", c.recentDays());
        details.put("recentMeanPain", c.recentMean());
        details.put("previousFrom", c.previousFrom());
        details.put("previousTo", c.previousTo());
        details.put("previousDaysLogged", c.previousDays());
        details.put("previousMeanPain", c.previousMean());
        details.put("changePoints", c.changePoints());
        if (c.changePercent() != null) {
            details.put("changePercent", c.changePercent());
        }
        boolean worse = c.direction() > 0;
        String change = Rules.plain(c.changePoints().abs()) + " points"
                + (c.changePercent() == null ? "" : ", " + Rules.plain(c.changePercent().abs()) + " %");
        int w = t.trendWindowDays();
        String message = (worse ? "Pain is getting worse" : "Pain is improving") + ": mean "
                + Rules.plain(c.recentMean()) + "/10 over the last " + w + " days (" + c.recentDays()
                + " days logged) vs "
                + Rules.plain(c.previousMean()) + "/10 over the " + w + " days before (" + c.previousDays()
                + " days logged), " + (worse ? "up " : "down ") + change + " (threshold " + Rules.plain(t.trendPoints())
                + " points or " + Rules.plain(t.trendPercent()) + " %)."
                + (worse ? " Consider reviewing the plan with the patient." : " The plan seems to be working.");
        return Finding.of(type, message, details);
    }
}
