package org.backcare.platform.web;

import org.backcare.platform.problem.ProblemException;

/** Boolean query parameters: only "true" or "false"; a typo like "yes" must not silently filter the other way. */
public final class Flags {

    private Flags() {
    }

    public static Boolean parse(String parameter, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        return switch (value.strip()) {
            case "true" -> Boolean.TRUE;
            case "false" -> Boolean.FALSE;
            default -> throw ProblemException.badRequest(parameter, "'" + value + "' is not true or false");
        };
    }
}
