package org.backcare.tracking.rules;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * What a rule found in a patient's history.
 *
 * @param type     the kind of alert
 * @param priority {@code "urgent"}, {@code "high"} or {@code "normal"}; usually {@code type.priority()}
 * @param message  plain language for the clinician, with the numbers that made the rule fire
 * @param details  the same numbers, machine-readable (an unmodifiable copy in insertion order)
 */
public record Finding(AlertType type, String priority, String message, Map<String, Object> details) {

    public static final String URGENT = "urgent";
    public static final String HIGH = "high";
    public static final String NORMAL = "normal";

    public Finding {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(message, "message");
        if (priority == null || priority.isBlank()) {
            throw new IllegalArgumentException("a finding needs a priority");
        }
        details = details == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(details));
    }

    /** A finding with the type's default priority. */
    public static Finding of(AlertType type, String message, Map<String, Object> details) {
        return new Finding(type, type.priority(), message, details);
    }
}
