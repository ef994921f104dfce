package org.backcare.tracking.rules;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * "Flare: today's pain is 8 or more, OR pain is 2 or more above the median of the 7 days before each day, on 2
 * consecutive days (today and yesterday). Missing days break 'consecutive'."
 * <p>
 * The absolute criterion needs only today. The relative one compares each of the last 2 days (today, yesterday) with
 * the median of the pain logged in the 7 calendar days before that day; both days must be logged and both must be high.
 * A day with nothing logged in its 7 days before has no median and cannot be high relatively. Without a pain score
 * today there is no finding.
 */
public final class FlareRule implements Rule {

    /** The median is taken over this many days before each day. */
    public static final int MEDIAN_LOOKBACK_DAYS = 7;

    @Override
    public AlertType type() {
        return AlertType.FLARE;
    }

    @Override
    public Optional<Finding> evaluate(PatientHistory h, RuleThresholds t) {
        LocalDate today = h.today();
        Integer todayPain = h.dailyPain().get(today);
        if (todayPain == null) {
            return Optional.empty();
        }
        boolean absolute = todayPain >= t.flareAbsolutePain();

        boolean relative = true;
        List<Map<String, Object>> days = new ArrayList<>();
        for (int i = 0; i < t.flareConsecutiveDays(); i++) {
            LocalDate day = today.minusDays(i);
            Integer pain = h.dailyPain().get(day);
            BigDecimal median = pain == null ? null : medianBefore(h, day);
            if (pain == null || median == null
                    || BigDecimal.valueOf(pain).compareTo(median.add(BigDecimal.valueOf(t.flareAboveMedian()))) < 0) {
                relative = false;
                break;
            }
            Map<String, Object> d = new LinkedHashMap<>();
            d.put("day", day);
            d.put("pain", pain);
            d.put("medianOfPrevious7Days", median);
            days.add(d);
        }
        if (!absolute && !relative) {
            return Optional.empty();
        }

        Map<String, Object> details = new LinkedHashMap<>();
        details.put("criterion",
                absolute && relative ? "absolute-and-above-median" : absolute ? "absolute" : "above-median");
        details.put("todayPain", todayPain);
        details.put("absoluteThreshold", t.flareAbsolutePain());
        if (relative) {
            details.put("aboveMedian", t.flareAboveMedian());
            details.put("days", List.copyOf(days));
        }
        StringBuilder message = new StringBuilder("Flare: ");
        if (absolute) {
            message.append("pain ").append(todayPain).append("/10 today, at or above ").append(t.flareAbsolutePain())
                    .append("/10");
        }
        if (relative) {
            message.append(absolute ? "; and " : "").append("pain at least ").append(t.flareAboveMedian())
                    .append(" points above the median of the previous ").append(MEDIAN_LOOKBACK_DAYS)
                    .append(" days on ").append(t.flareConsecutiveDays()).append(" consecutive days (");
            for (int i = 0; i < days.size(); i++) {
                Map<String, Object> d = days.get(i);
                String when = i == 0 ? "today" : i == 1 ? "yesterday" : d.get("day").toString();
                message.append(i == 0 ? "" : ", ").append(when).append(" ").append(d.get("pain"))
                        .append("/10 vs median ").append(Rules.plain((BigDecimal) d.get("medianOfPrevious7Days")));
            }
            message.append(")");
        }
        message.append(". Consider contacting the patient about flare-up management.");
        return Optional.of(Finding.of(type(), message.toString(), details));
    }

    /** The median pain of the logged days among the 7 days before {@code day}, or {@code null} if none is logged. */
    static BigDecimal medianBefore(PatientHistory h, LocalDate day) {
        List<Integer> values = new ArrayList<>(
                h.dailyPain().subMap(day.minusDays(MEDIAN_LOOKBACK_DAYS), day).values());
        if (values.isEmpty()) {
            return null;
        }
        values.sort(null);
        int n = values.size();
        if (n % 2 == 1) {
            return BigDecimal.valueOf(values.get(n / 2));
        }
        return BigDecimal.valueOf(values.get(n / 2 - 1) + values.get(n / 2)).divide(BigDecimal.valueOf(2));
    }
}
