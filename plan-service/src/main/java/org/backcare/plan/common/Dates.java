package org.backcare.plan.common;

import org.backcare.platform.problem.ProblemException;

import java.time.LocalDate;

/** Plan dates must be realistic: a start or review in the year 999999999 is a typo, and PostgreSQL cannot store it. */
public final class Dates {

    static final LocalDate EARLIEST = LocalDate.of(2000, 1, 1);
    static final LocalDate LATEST = LocalDate.of(2999, 12, 31);

    private Dates() {
    }

    public static void requireRealistic(String field, LocalDate date) {
        if (date != null && (date.isBefore(EARLIEST) || date.isAfter(LATEST))) {
            throw ProblemException.badRequest(field, "'" + date + "' is not a realistic date (" + EARLIEST + " to " + LATEST + ")");
        }
    }
}
