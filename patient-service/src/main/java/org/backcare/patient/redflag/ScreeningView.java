package org.backcare.patient.redflag;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

/** A screening as the API shows it: the positive findings first, then every answer. */
@Schema(name = "RedFlagScreening")
public record ScreeningView(UUID id, UUID patientId, Instant screenedAt, String screenedBy,
                            @Schema(description = "At least one red flag was present") boolean positive,
                            @Schema(example = "[\"recent-significant-trauma\"]") List<RedFlag> positiveFindings,
                            List<Answer> answers, String notes) {

    /** One checklist item and its answer. */
    public record Answer(RedFlag redFlag, String description, boolean present) {
    }

    public static ScreeningView of(RedFlagScreening s) {
        List<Answer> answers = Arrays.stream(RedFlag.values())
                .map(f -> new Answer(f, f.description(), Boolean.TRUE.equals(s.answers.get(f)))).toList();
        List<RedFlag> positives = answers.stream().filter(Answer::present).map(Answer::redFlag).toList();
        return new ScreeningView(s.id, s.patientId, s.screenedAt, s.screenedBy, s.positive, positives, answers,
                s.notes);
    }
}
