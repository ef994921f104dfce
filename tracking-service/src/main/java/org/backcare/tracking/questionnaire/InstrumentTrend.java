package org.backcare.tracking.questionnaire;

import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

/**
 * A patient's score series of one instrument and what it says: the change from the first result to the latest and
 * from the previous one to the latest, each judged against the instrument's MCID ({@link ScoreChange}), and a
 * verdict over the whole series: better or worse only when the change since the first result reaches the MCID.
 */
public final class InstrumentTrend {

    /** One result in the series. */
    public record Point(UUID questionnaireId, LocalDate day, int score, String band) {
    }

    /** The change between two results of the series. */
    public record Change(Point from, Point to, ScoreChange change) {
    }

    /**
     * @param results       oldest first
     * @param sinceFirst    first result to the latest; null with fewer than two results
     * @param sincePrevious the result before the latest to the latest; null with fewer than two results
     * @param verdict       better, worse or unchanged by the MCID since the first result; null with fewer than two
     */
    public record Summary(List<Point> results, Change sinceFirst, Change sincePrevious, ScoreChange.Direction verdict) {
    }

    private InstrumentTrend() {
    }

    /** The summary of {@code oldestFirst}, results of {@code instrument} in the order they were taken. */
    public static Summary of(Instrument instrument, List<Point> oldestFirst) {
        Objects.requireNonNull(instrument, "instrument");
        List<Point> results = List.copyOf(oldestFirst);
        if (results.size() < 2) {
            return new Summary(results, null, null, null);
        }
        Point first = results.get(0);
        Point previous = results.get(results.size() - 2);
        Point latest = results.get(results.size() - 1);
        Change sinceFirst = new Change(first, latest, ScoreChange.between(instrument, first.score(), latest.score()));
        Change sincePrevious = new Change(previous, latest,
                ScoreChange.between(instrument, previous.score(), latest.score()));
        return new Summary(results, sinceFirst, sincePrevious, ScoreChange.verdict(instrument, sinceFirst.change()));
    }
}
