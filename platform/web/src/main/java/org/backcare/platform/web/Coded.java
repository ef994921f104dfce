package org.backcare.platform.web;

import org.backcare.platform.problem.ProblemException;

import java.util.Arrays;
import java.util.stream.Collectors;

/** An enum with a stable, lowercase kebab-case code used in JSON, query parameters and events. */
public interface Coded {

    String code();

    /** Parses a code; unknown codes fail with a message that lists the accepted ones. */
    static <E extends Enum<E> & Coded> E fromCode(Class<E> type, String code) {
        for (E value : type.getEnumConstants()) {
            if (value.code().equals(code)) {
                return value;
            }
        }
        throw new IllegalArgumentException("unknown value '" + code + "'; expected one of " + codes(type));
    }

    /** Parses a query parameter; {@code null} stays {@code null}, an unknown code is a 400 naming the parameter. */
    static <E extends Enum<E> & Coded> E fromParameter(Class<E> type, String parameter, String code) {
        if (code == null || code.isBlank()) {
            return null;
        }
        try {
            return fromCode(type, code);
        } catch (IllegalArgumentException e) {
            throw ProblemException.badRequest(parameter, e.getMessage());
        }
    }

    static <E extends Enum<E> & Coded> String codes(Class<E> type) {
        return Arrays.stream(type.getEnumConstants()).map(Coded::code).collect(Collectors.joining(", ", "[", "]"));
    }
}
