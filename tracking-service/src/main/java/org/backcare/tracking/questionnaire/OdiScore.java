package org.backcare.tracking.questionnaire;

import java.math.BigDecimal;
import java.util.Objects;

/**
 * A scored Oswestry Disability Index questionnaire.
 *
 * @param answered how many of the 10 sections the patient answered (8, 9 or 10 for a valid score)
 * @param sum      the sum of the answered sections, each 0..5
 * @param percent  the disability score, {@code sum / (5 × answered) × 100}, one decimal, 0.0 (no disability) to
 *                 100.0 (bed-bound or exaggerating)
 */
public record OdiScore(int answered, int sum, BigDecimal percent) {

    public OdiScore {
        Objects.requireNonNull(percent, "percent");
        if (answered < 0 || answered > Odi.SECTIONS) {
            throw new IllegalArgumentException("answered must be 0.." + Odi.SECTIONS + ", was " + answered);
        }
        if (sum < 0 || sum > Odi.MAX_PER_SECTION * answered) {
            throw new IllegalArgumentException("sum must be 0.." + Odi.MAX_PER_SECTION * answered + " for "
                    + answered + " answered sections, was " + sum);
        }
    }
}
