package org.backcare.tracking.questionnaire;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;
import java.util.Objects;

/**
 * The Oswestry Disability Index (ODI 2.1a): 10 sections (pain intensity, personal care, lifting, walking, sitting,
 * standing, sleeping, sex life, social life, travelling), each answered 0..5.
 * <p>
 * "score = sum / (5 × answered sections) × 100": a skipped section shrinks the denominator (one skipped: out of 45),
 * it does not count as 0. At least 8 of the 10 sections must be answered; with more skipped the index is not valid.
 * A change of 10 points or more between two questionnaires is clinically important.
 */
public final class Odi {

    /** The version of the questionnaire scored here, stored with every result. */
    public static final String VERSION = "2.1a";
    /** The number of sections of the questionnaire. */
    public static final int SECTIONS = 10;
    /** The highest answer of a section (the lowest is 0). */
    public static final int MAX_PER_SECTION = 5;
    /** The fewest answered sections that still give a valid score. */
    public static final int MIN_ANSWERED = 8;
    /** The minimal clinically important difference, in ODI points. */
    public static final BigDecimal CLINICALLY_IMPORTANT_CHANGE = BigDecimal.TEN;

    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    private Odi() {
    }

    /**
     * Scores one questionnaire.
     *
     * @param sections exactly 10 answers in questionnaire order, each 0..5, or {@code null} for a skipped section
     * @throws IllegalArgumentException when there are not 10 entries, an answer is outside 0..5 (the message names the
     *                                  1-based section) or fewer than 8 sections are answered
     */
    public static OdiScore score(List<Integer> sections) {
        if (sections == null) {
            throw new IllegalArgumentException("the ODI needs exactly " + SECTIONS + " sections, got none");
        }
        if (sections.size() != SECTIONS) {
            throw new IllegalArgumentException(
                    "the ODI needs exactly " + SECTIONS + " sections, got " + sections.size());
        }
        int answered = 0;
        int sum = 0;
        for (int i = 0; i < SECTIONS; i++) {
            Integer answer = sections.get(i);
            if (answer == null) {
                continue;
            }
            if (answer < 0 || answer > MAX_PER_SECTION) {
                throw new IllegalArgumentException("ODI section " + (i + 1) + " must be 0.." + MAX_PER_SECTION
                        + ", was " + answer);
            }
            answered++;
            sum += answer;
        }
        if (answered < MIN_ANSWERED) {
            throw new IllegalArgumentException("at least " + MIN_ANSWERED + " of " + SECTIONS
                    + " sections must be answered; " + answered + " were");
        }
        BigDecimal percent = BigDecimal.valueOf(sum).multiply(HUNDRED)
                .divide(BigDecimal.valueOf((long) MAX_PER_SECTION * answered), 1, RoundingMode.HALF_UP);
        return new OdiScore(answered, sum, percent);
    }

    /**
     * Whether the change between two ODI scores is clinically important: {@code |after − before| >= 10} points, in
     * either direction (lower is better).
     */
    public static boolean clinicallyImportantChange(BigDecimal before, BigDecimal after) {
        Objects.requireNonNull(before, "before");
        Objects.requireNonNull(after, "after");
        return after.subtract(before).abs().compareTo(CLINICALLY_IMPORTANT_CHANGE) >= 0;
    }
}
