package org.backcare.tracking.rules;

import java.util.Optional;

/** One of the clinic's alert rules: looks at a patient's history and finds at most one thing. */
public interface Rule {

    /** The kind of alert this rule raises. */
    AlertType type();

    /** A finding when the rule's condition holds as of {@code h.today()}, otherwise empty. */
    Optional<Finding> evaluate(PatientHistory h, RuleThresholds t);
}
