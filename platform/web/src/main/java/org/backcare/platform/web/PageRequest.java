package org.backcare.platform.web;

import jakarta.ws.rs.QueryParam;
import org.backcare.platform.problem.ProblemException;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;

/**
 * The {@code page} and {@code size} query parameters shared by every list endpoint. Read as text and parsed here,
 * because JAX-RS answers 404 to a query parameter it cannot convert; a typo deserves a 400 that names it.
 */
public class PageRequest {

    public static final int DEFAULT_SIZE = 20;
    public static final int MAX_SIZE = 100;

    @QueryParam("page")
    @Parameter(description = "Zero-based page number", schema = @Schema(type = SchemaType.INTEGER, minimum = "0", defaultValue = "0"))
    String page;

    @QueryParam("size")
    @Parameter(description = "Page size, 1 to 100", schema = @Schema(type = SchemaType.INTEGER, minimum = "1", maximum = "100", defaultValue = "20"))
    String size;

    public PageRequest() {
    }

    public PageRequest(int page, int size) {
        this.page = Integer.toString(page);
        this.size = Integer.toString(size);
    }

    public int page() {
        return parse("page", page, 0, 0, Integer.MAX_VALUE / MAX_SIZE);
    }

    public int size() {
        return parse("size", size, DEFAULT_SIZE, 1, MAX_SIZE);
    }

    public int offset() {
        return page() * size();
    }

    private static int parse(String name, String value, int fallback, int min, int max) {
        if (value == null || value.isBlank()) {
            return fallback;
        }
        try {
            int parsed = Integer.parseInt(value.strip());
            if (parsed >= min && parsed <= max) {
                return parsed;
            }
        } catch (NumberFormatException ignored) {
            // reported below
        }
        throw ProblemException.badRequest(name, "'" + value + "' is not a whole number between " + min + " and " + max);
    }
}
