package org.backcare.tracking.questionnaire;

/**
 * Answers an {@link Instrument} cannot score: the wrong number of entries, an answer outside its item's range, or
 * too many (or a required) items unanswered. {@code field} is the offending part of the request, {@code answers} or
 * {@code answers[i]} (0-based, item i + 1).
 */
public class AnswersRejected extends IllegalArgumentException {

    private final String field;

    public AnswersRejected(String field, String message) {
        super(message);
        this.field = field;
    }

    public String field() {
        return field;
    }
}
