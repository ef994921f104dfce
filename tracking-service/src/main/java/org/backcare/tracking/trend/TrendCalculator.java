package org.backcare.tracking.trend;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * Summarises a window of daily entries and judges it against the baseline.
 * <p>
 * The verdict uses the minimal clinically important difference (MCID): "mean pain vs baseline changes by 2 NRS points
 * or more, or by 30 % of the baseline or more (improving if lower, worsening if higher); or the latest ODI vs the
 * baseline ODI changes by 10 points or more (same directions). If pain and ODI disagree, worsening wins: safety
 * first." It is INSUFFICIENT_DATA with fewer than 3 days with a pain score in the window, or without a baseline (no
 * baseline pain, and no baseline and latest ODI).
 * <p>
 * Entries outside {@code from..to} are ignored. Two entries for one day are an error. All decimals are rounded to
 * 2 decimals, HALF_UP; thresholds are compared with the exact (unrounded) values.
 */
public final class TrendCalculator {

    /** Pain MCID in NRS points. */
    public static final BigDecimal PAIN_MCID_POINTS = BigDecimal.valueOf(2);
    /** Pain MCID in percent of the baseline. */
    public static final BigDecimal PAIN_MCID_PERCENT = BigDecimal.valueOf(30);
    /** ODI MCID in points. */
    public static final BigDecimal ODI_MCID_POINTS = BigDecimal.TEN;
    /** Fewest days with a pain score for a verdict. */
    public static final int MIN_DAYS_FOR_VERDICT = 3;

    private static final int SCALE = 2;
    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    private TrendCalculator() {
    }

    /**
     * @param window       the patient's daily entries; those outside {@code from..to} are ignored
     * @param from         first day of the window (inclusive)
     * @param to           last day of the window (inclusive), not before {@code from}
     * @param baselinePain the pain (0..10) at the start of care, or {@code null}
     * @param baselineOdi  the first ODI score (0..100), or {@code null}
     * @param latestOdi    the most recent ODI score (0..100), or {@code null}
     */
    public static TrendSummary summarize(List<DailyEntry> window, LocalDate from, LocalDate to,
                                         BigDecimal baselinePain, BigDecimal baselineOdi, BigDecimal latestOdi) {
        Objects.requireNonNull(window, "window");
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        if (from.isAfter(to)) {
            throw new IllegalArgumentException("the window starts " + from + ", after it ends " + to);
        }
        requireRange("baselinePain", baselinePain, BigDecimal.TEN);
        requireRange("baselineOdi", baselineOdi, HUNDRED);
        requireRange("latestOdi", latestOdi, HUNDRED);

        TreeMap<LocalDate, DailyEntry> byDay = new TreeMap<>();
        for (DailyEntry entry : window) {
            if (entry == null) {
                throw new IllegalArgumentException("the window contains a null entry");
            }
            if (entry.day().isBefore(from) || entry.day().isAfter(to)) {
                continue;
            }
            if (byDay.putIfAbsent(entry.day(), entry) != null) {
                throw new IllegalArgumentException("two entries for " + entry.day() + "; one per day is expected");
            }
        }
        List<DailyEntry> entries = new ArrayList<>(byDay.values());
        int days = (int) ChronoUnit.DAYS.between(from, to) + 1;

        // Pain: mean, min, max, and the least-squares slope over the day offset (gaps keep their width).
        long n = 0;
        long sumY = 0;
        long sumX = 0;
        long sumXY = 0;
        long sumXX = 0;
        Integer minPain = null;
        Integer maxPain = null;
        for (DailyEntry e : entries) {
            if (e.pain() == null) {
                continue;
            }
            long x = ChronoUnit.DAYS.between(from, e.day());
            long y = e.pain();
            n++;
            sumY += y;
            sumX += x;
            sumXY += x * y;
            sumXX += x * x;
            minPain = minPain == null ? e.pain() : Math.min(minPain, e.pain());
            maxPain = maxPain == null ? e.pain() : Math.max(maxPain, e.pain());
        }
        BigDecimal meanPain = n == 0 ? null : divide(BigDecimal.valueOf(sumY), n);
        BigDecimal slope = null;
        if (n >= 2) {
            // slope = (n Σxy − Σx Σy) / (n Σx² − (Σx)²); the denominator is > 0 because the days differ.
            BigDecimal numerator = BigDecimal.valueOf(n * sumXY - sumX * sumY);
            BigDecimal denominator = BigDecimal.valueOf(n * sumXX - sumX * sumX);
            slope = numerator.divide(denominator, SCALE, RoundingMode.HALF_UP);
        }

        BigDecimal exerciseAdherence = adherence(entries, DailyEntry::exerciseSessionsDone,
                DailyEntry::exerciseSessionsPrescribed);
        BigDecimal medicationAdherence = adherence(entries, DailyEntry::medicationDosesTaken,
                DailyEntry::medicationDosesPrescribed);
        BigDecimal meanSleepHours = mean(entries, DailyEntry::sleepHours);
        BigDecimal meanSleepQuality = mean(entries,
                e -> e.sleepQuality() == null ? null : BigDecimal.valueOf(e.sleepQuality()));

        Judgement judgement = judge(n, sumY, from, to, baselinePain, baselineOdi, latestOdi);
        return new TrendSummary(from, to, days, entries.size(), meanPain, minPain, maxPain, slope,
                exerciseAdherence, medicationAdherence, meanSleepHours, meanSleepQuality, judgement.verdict,
                judgement.reason);
    }

    private record Judgement(Verdict verdict, String reason) {
    }

    /** Direction of one measure against its baseline: -1 improving, 0 within the MCID, +1 worsening. */
    private record Change(int direction, String description) {
    }

    private static Judgement judge(long n, long sumPain, LocalDate from, LocalDate to, BigDecimal baselinePain,
                                   BigDecimal baselineOdi, BigDecimal latestOdi) {
        if (n < MIN_DAYS_FOR_VERDICT) {
            return new Judgement(Verdict.INSUFFICIENT_DATA, (n == 1 ? "only 1 day" : "only " + n + " days")
                    + " with a pain score between " + from + " and " + to + "; at least " + MIN_DAYS_FOR_VERDICT
                    + " are needed");
        }
        boolean odiComparable = baselineOdi != null && latestOdi != null;
        if (baselinePain == null && !odiComparable) {
            return new Judgement(Verdict.INSUFFICIENT_DATA,
                    "no baseline to compare with: neither a baseline pain score nor a baseline and a latest ODI");
        }
        List<Change> changes = new ArrayList<>();
        if (baselinePain != null) {
            changes.add(painChange(n, sumPain, baselinePain));
        }
        if (odiComparable) {
            changes.add(odiChange(baselineOdi, latestOdi));
        }
        boolean worse = changes.stream().anyMatch(c -> c.direction > 0);
        boolean better = changes.stream().anyMatch(c -> c.direction < 0);
        StringBuilder reason = new StringBuilder();
        for (Change c : changes) {
            if (reason.length() > 0) {
                reason.append("; ");
            }
            reason.append(c.description);
        }
        if (worse && better) {
            reason.append("; pain and ODI disagree, worsening wins (safety first)");
        }
        Verdict verdict = worse ? Verdict.WORSENING : better ? Verdict.IMPROVING : Verdict.STABLE;
        return new Judgement(verdict, reason.toString());
    }

    private static Change painChange(long n, long sumPain, BigDecimal baseline) {
        BigDecimal count = BigDecimal.valueOf(n);
        // n × (mean − baseline), exact: the thresholds are compared without rounding.
        BigDecimal scaledDelta = BigDecimal.valueOf(sumPain).subtract(baseline.multiply(count));
        BigDecimal absScaled = scaledDelta.abs();
        boolean byPoints = absScaled.compareTo(PAIN_MCID_POINTS.multiply(count)) >= 0;
        boolean byPercent = baseline.signum() > 0
                && absScaled.multiply(HUNDRED).compareTo(PAIN_MCID_PERCENT.multiply(baseline).multiply(count)) >= 0;
        int direction = (byPoints || byPercent) ? scaledDelta.signum() : 0;

        BigDecimal mean = divide(BigDecimal.valueOf(sumPain), n);
        BigDecimal delta = scaledDelta.abs().divide(count, SCALE, RoundingMode.HALF_UP);
        StringBuilder s = new StringBuilder("mean pain ").append(mean.toPlainString())
                .append(" vs baseline ").append(baseline.setScale(SCALE, RoundingMode.HALF_UP).toPlainString());
        if (scaledDelta.signum() == 0) {
            s.append(": unchanged");
        } else {
            s.append(": ").append(delta.toPlainString()).append(" points");
            if (baseline.signum() > 0) {
                BigDecimal percent = scaledDelta.abs().multiply(HUNDRED)
                        .divide(baseline.multiply(count), 1, RoundingMode.HALF_UP);
                s.append(" (").append(percent.toPlainString()).append(" %)");
            }
            s.append(scaledDelta.signum() > 0 ? " higher" : " lower");
        }
        s.append(direction != 0 ? ", at least" : ", less than")
                .append(" the pain MCID (2 points or 30 % of baseline)");
        return new Change(direction, s.toString());
    }

    private static Change odiChange(BigDecimal baseline, BigDecimal latest) {
        BigDecimal delta = latest.subtract(baseline);
        boolean important = delta.abs().compareTo(ODI_MCID_POINTS) >= 0;
        int direction = important ? delta.signum() : 0;
        StringBuilder s = new StringBuilder("ODI ").append(baseline.toPlainString()).append(" at baseline, ")
                .append(latest.toPlainString()).append(" now");
        if (delta.signum() == 0) {
            s.append(": unchanged");
        } else {
            s.append(": ").append(delta.abs().toPlainString()).append(" points")
                    .append(delta.signum() > 0 ? " higher (more disability)" : " lower (less disability)");
        }
        s.append(important ? ", at least" : ", less than").append(" the ODI MCID (10 points)");
        return new Change(direction, s.toString());
    }

    /**
     * done / prescribed × 100 over the days with a prescription, capped at 100. A prescribed day without a "done"
     * answer counts as 0 done; a "done" on a day without a prescription is not adherence and is left out.
     */
    private static BigDecimal adherence(List<DailyEntry> entries, Function<DailyEntry, Integer> done,
                                        Function<DailyEntry, Integer> prescribed) {
        long sumDone = 0;
        long sumPrescribed = 0;
        for (DailyEntry e : entries) {
            Integer p = prescribed.apply(e);
            if (p == null) {
                continue;
            }
            Integer d = done.apply(e);
            sumPrescribed += p;
            sumDone += d == null ? 0 : d;
        }
        if (sumPrescribed == 0) {
            return null;
        }
        BigDecimal percent = BigDecimal.valueOf(sumDone).multiply(HUNDRED)
                .divide(BigDecimal.valueOf(sumPrescribed), SCALE, RoundingMode.HALF_UP);
        return percent.compareTo(HUNDRED) > 0 ? HUNDRED.setScale(SCALE) : percent;
    }

    private static BigDecimal mean(List<DailyEntry> entries, Function<DailyEntry, BigDecimal> value) {
        BigDecimal sum = BigDecimal.ZERO;
        long count = 0;
        for (DailyEntry e : entries) {
            BigDecimal v = value.apply(e);
            if (v != null) {
                sum = sum.add(v);
                count++;
            }
        }
        return count == 0 ? null : divide(sum, count);
    }

    private static BigDecimal divide(BigDecimal sum, long count) {
        return sum.divide(BigDecimal.valueOf(count), SCALE, RoundingMode.HALF_UP);
    }

    private static void requireRange(String name, BigDecimal value, BigDecimal max) {
        if (value != null && (value.signum() < 0 || value.compareTo(max) > 0)) {
            throw new IllegalArgumentException(name + " must be 0.." + max + ", was " + value);
        }
    }
}
