package org.backcare.tracking.questionnaire;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A scored questionnaire of one {@link Instrument}.
 *
 * @param answered  how many items were answered
 * @param sum       the points of the answered items
 * @param total     the score: {@code sum}, or prorated over the missing items (see {@link Instrument.MissingItems})
 * @param prorated  whether items were missing and {@code total} was prorated
 * @param subscales subscale scores by subscale code, in definition order
 * @param band      the band the score falls in (STarT Back: the risk stratum)
 * @param flags     the codes of the raised flags, e.g. {@code self-harm}
 */
public record InstrumentScore(int answered, int sum, int total, boolean prorated, Map<String, Integer> subscales,
                              Instrument.Band band, List<String> flags) {

    public InstrumentScore {
        Objects.requireNonNull(band, "band");
        subscales = Collections.unmodifiableMap(new LinkedHashMap<>(subscales));
        flags = List.copyOf(flags);
    }
}
