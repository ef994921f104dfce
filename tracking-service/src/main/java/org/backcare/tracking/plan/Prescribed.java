package org.backcare.tracking.plan;

import com.fasterxml.jackson.databind.JsonNode;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * What the active plan prescribes for one day, read from the projected plan sections. Exercise sessions are spread
 * over the week the same way plan-service's "today" view does: n sessions a week on fixed weekdays.
 */
public final class Prescribed {

    private Prescribed() {
    }

    /** Exercise sessions due that day. */
    public static int exerciseSessions(JsonNode exercisesSection, LocalDate day) {
        int due = 0;
        for (JsonNode exercise : exercisesSection.path("exercises")) {
            int perWeek = exercise.path("dose").path("sessionsPerWeek").asInt(0);
            if (perWeek >= 7) {
                due += perWeek / 7;
            } else if (perWeek > 0) {
                int d = day.getDayOfWeek().getValue() - 1;
                if ((d + 1) * perWeek / 7 > d * perWeek / 7) {
                    due++;
                }
            }
        }
        return due;
    }

    /** Scheduled (not as-needed) doses of medications active that day. */
    public static int scheduledDoses(JsonNode medicationsSection, LocalDate day) {
        int doses = 0;
        for (JsonNode m : medicationsSection.path("medications")) {
            if (!m.path("asNeeded").asBoolean(false) && activeOn(m, day)) {
                doses += m.path("timesPerDay").asInt(0);
            }
        }
        return doses;
    }

    /** The prescribed daily NSAID amount that day (sum over NSAID prescriptions), or null when none is prescribed. */
    public static BigDecimal nsaidDailyDose(JsonNode medicationsSection, LocalDate day) {
        BigDecimal total = null;
        for (JsonNode m : medicationsSection.path("medications")) {
            if ("nsaid".equals(m.path("drugClass").asText()) && activeOn(m, day) && m.hasNonNull("dailyDose")) {
                BigDecimal dose = m.get("dailyDose").decimalValue();
                total = total == null ? dose : total.add(dose);
            }
        }
        return total;
    }

    /** The drug class of a drug in the plan (nsaid, opioid...), or null when the plan does not prescribe it. */
    public static String drugClass(JsonNode medicationsSection, String drug) {
        for (JsonNode m : medicationsSection.path("medications")) {
            if (drug.equals(m.path("drug").asText())) {
                return m.path("drugClass").asText(null);
            }
        }
        return null;
    }

    private static boolean activeOn(JsonNode m, LocalDate day) {
        String start = m.path("startDate").asText(null);
        String end = m.path("endDate").asText(null);
        return (start == null || !day.isBefore(LocalDate.parse(start))) && (end == null || !day.isAfter(LocalDate.parse(end)));
    }
}
