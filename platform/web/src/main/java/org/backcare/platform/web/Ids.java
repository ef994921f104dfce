package org.backcare.platform.web;

import org.backcare.platform.problem.ProblemException;

import java.util.UUID;

/** Path identifiers arrive as text; a malformed one is the client's mistake (400), not an unknown resource. */
public final class Ids {

    private Ids() {
    }

    public static UUID parse(String parameter, String value) {
        try {
            UUID id = UUID.fromString(value);
            // UUID.fromString accepts short forms such as "1-2-3-4-5"; insist on the canonical text.
            if (id.toString().equalsIgnoreCase(value)) {
                return id;
            }
        } catch (IllegalArgumentException ignored) {
            // reported below
        }
        throw ProblemException.badRequest(parameter, "'" + value + "' is not a valid UUID");
    }
}
