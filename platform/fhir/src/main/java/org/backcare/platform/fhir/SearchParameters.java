package org.backcare.platform.fhir;

import jakarta.ws.rs.core.MultivaluedMap;

import java.util.Set;
import java.util.TreeSet;

/**
 * The names a FHIR search accepts. An unknown parameter (a typo such as {@code patinet}, or {@code _sort} and
 * {@code _include}, which BackCare does not implement) is refused with 400 rather than ignored, so a client never takes
 * an unfiltered answer for a filtered one (FHIR R4 3.1.1.5, with {@code Prefer: handling=strict} as our only mode).
 * {@code _format} is accepted for JSON only: BackCare serves no XML.
 */
public final class SearchParameters {

    private SearchParameters() {
    }

    public static void requireSupported(String type, MultivaluedMap<String, String> query, Set<String> supported) {
        for (String name : query.keySet()) {
            if (!supported.contains(name) && !name.equals("_format")) {
                throw FhirException.notSupported("'" + name + "' is not a supported search parameter of " + type
                        + "; supported: " + String.join(", ", new TreeSet<>(supported)));
            }
        }
        requireJson(query);
    }

    /** {@code _format} may ask for JSON (json, application/json, application/fhir+json), nothing else. */
    public static void requireJson(MultivaluedMap<String, String> query) {
        var formats = query.get("_format");
        if (formats == null) {
            return;
        }
        for (String format : formats) {
            if (format == null || !format.toLowerCase(java.util.Locale.ROOT).contains("json")) {
                throw FhirException.notSupported("_format: only JSON is served (json, application/fhir+json)");
            }
        }
    }
}
