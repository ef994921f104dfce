package org.backcare.tracking.rules;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Objects;

/**
 * How much of one drug a patient took on one day.
 *
 * @param day          the day
 * @param drug         the drug, such as {@code "ibuprofen"}
 * @param drugClass    the plan's drug class code, such as {@code "nsaid"}, {@code "acetaminophen"}
 * @param totalDose    the total taken that day, in the plan's unit (0 or more)
 * @param maxDailyDose the plan's maximum daily dose in the same unit (0: none allowed), or {@code null} if the plan
 *                     sets none
 */
public record MedicationDay(LocalDate day, String drug, String drugClass, BigDecimal totalDose,
                            BigDecimal maxDailyDose) {

    /** The drug class code of systemic NSAIDs. */
    public static final String NSAID = "nsaid";

    public MedicationDay {
        Objects.requireNonNull(day, "day");
        Objects.requireNonNull(drug, "drug");
        Objects.requireNonNull(drugClass, "drugClass");
        Objects.requireNonNull(totalDose, "totalDose");
        if (totalDose.signum() < 0) {
            throw new IllegalArgumentException("totalDose must not be negative, was " + totalDose);
        }
        if (maxDailyDose != null && maxDailyDose.signum() < 0) {
            throw new IllegalArgumentException("maxDailyDose must not be negative, was " + maxDailyDose);
        }
    }

    /** Whether this is a systemic NSAID (drug class {@code "nsaid"}, any case). */
    public boolean isNsaid() {
        return NSAID.equalsIgnoreCase(drugClass);
    }

    /** Whether any of the drug was taken that day. */
    public boolean taken() {
        return totalDose.signum() > 0;
    }

    /** Whether the day's total is above the plan's maximum daily dose (never, without a maximum). */
    public boolean aboveMaxDailyDose() {
        return maxDailyDose != null && totalDose.compareTo(maxDailyDose) > 0;
    }
}
