package org.backcare.tracking.common;

import org.backcare.platform.problem.ProblemException;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;

/** Dates in paths and query parameters: a malformed one is a 400 naming the parameter, never a 404. */
public final class Dates {

    private Dates() {
    }

    public static LocalDate parse(String parameter, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return LocalDate.parse(value.strip());
        } catch (DateTimeParseException e) {
            throw ProblemException.badRequest(parameter, "'" + value + "' is not a date such as 2026-11-23");
        }
    }
}
