package org.backcare.tracking.rules;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

/**
 * What the questionnaire rules look at: one scored result of an instrument (scores, band and flags only, never free
 * text), and the answer to the item a flag is about.
 *
 * @param questionnaireId the stored result
 * @param instrument      the instrument id, such as {@code phq-9}
 * @param version         the version of the definition it was scored with
 * @param day             the day it was answered
 * @param score           the total
 * @param band            the code of the band the total falls in, such as {@code moderate}
 * @param flags           the codes of the raised flags, such as {@code self-harm}
 * @param selfHarmAnswer  the answer to PHQ-9 item 9 (0-3), {@code null} for other instruments
 * @param mcidPoints      the instrument's minimal clinically important difference in points, {@code null} if none
 */
public record QuestionnaireOutcome(UUID questionnaireId, String instrument, String version, LocalDate day, int score,
                                   String band, List<String> flags, Integer selfHarmAnswer, BigDecimal mcidPoints) {

    public QuestionnaireOutcome {
        Objects.requireNonNull(questionnaireId, "questionnaireId");
        Objects.requireNonNull(instrument, "instrument");
        Objects.requireNonNull(day, "day");
        Objects.requireNonNull(band, "band");
        flags = flags == null ? List.of() : List.copyOf(flags);
    }
}
