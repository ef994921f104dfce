package org.backcare.tracking.rules;

import java.util.Optional;

/**
 * One of the clinic's questionnaire safety rules: looks at a newly scored result (and the patient's previous result
 * of the same instrument, if any) and finds at most one thing. Unlike the history {@link Rule}s, which raise once per
 * episode, these raise once per result.
 */
public interface QuestionnaireRule {

    /** The kind of alert this rule raises. */
    AlertType type();

    /** A finding when the rule's condition holds for {@code latest}; {@code previous} may be {@code null}. */
    Optional<Finding> evaluate(QuestionnaireOutcome latest, QuestionnaireOutcome previous);
}
