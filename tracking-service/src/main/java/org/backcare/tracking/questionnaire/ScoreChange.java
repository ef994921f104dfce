package org.backcare.tracking.questionnaire;

import java.math.BigDecimal;

/**
 * The change between two results of one instrument, judged against its minimal clinically important difference
 * ({@link Instrument.Mcid}): in points where the MCID is in points (PHQ-9 5, GAD-7 4, PSEQ 5.5), as a percentage of the
 * earlier score where it is a percentage (PCS 38 %). The direction takes {@link Instrument#higherIsWorse()} into
 * account, so a PSEQ going up is better.
 *
 * @param points             later score minus earlier score
 * @param clinicallyImportant whether the change reaches the MCID; always false where the instrument has none
 * @param direction          which way the patient moved, whatever the size of the change
 */
public record ScoreChange(int points, boolean clinicallyImportant, Direction direction) {

    /** Which way a change goes for the patient. */
    public enum Direction {
        BETTER("better"), WORSE("worse"), UNCHANGED("unchanged");

        private final String code;

        Direction(String code) {
            this.code = code;
        }

        /** The word in events and API responses. */
        public String code() {
            return code;
        }
    }

    /** The change from {@code earlier} to {@code later}, both totals of {@code instrument}. */
    public static ScoreChange between(Instrument instrument, int earlier, int later) {
        int points = later - earlier;
        Direction direction = points == 0 ? Direction.UNCHANGED
                : (points > 0) == instrument.higherIsWorse() ? Direction.WORSE : Direction.BETTER;
        return new ScoreChange(points, reachesMcid(instrument.mcid(), earlier, points), direction);
    }

    /**
     * The verdict a clinician reads off the change: better or worse only when the change reaches the MCID, otherwise
     * unchanged (a change smaller than the MCID is within what the instrument cannot tell apart). Without an MCID the
     * direction alone.
     */
    public static Direction verdict(Instrument instrument, ScoreChange change) {
        if (instrument.mcid() == null) {
            return change.direction();
        }
        return change.clinicallyImportant() ? change.direction() : Direction.UNCHANGED;
    }

    /** The MCID in points, where the instrument defines it so; {@code null} otherwise. */
    public static BigDecimal mcidPoints(Instrument instrument) {
        return instrument.mcid() == null ? null : instrument.mcid().points();
    }

    private static boolean reachesMcid(Instrument.Mcid mcid, int earlier, int points) {
        if (mcid == null || points == 0) {
            return false;
        }
        BigDecimal size = BigDecimal.valueOf(Math.abs(points));
        if (mcid.points() != null) {
            return size.compareTo(mcid.points()) >= 0;
        }
        // A percentage of an earlier 0 is undefined: no change from 0 is judged clinically important by percent.
        return earlier > 0 && size.multiply(BigDecimal.valueOf(100))
                .compareTo(BigDecimal.valueOf((long) mcid.percent() * earlier)) >= 0;
    }
}
