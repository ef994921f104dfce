package org.backcare.platform.export;

import org.backcare.platform.fhir.Fhir;
import org.backcare.platform.fhir.FhirException;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * What a kick-off request asks for, checked against what the service exports: the types in export order (all when
 * {@code _type} is absent) and {@code _since}. Anything this server cannot honour is a 400 OperationOutcome, never
 * silently ignored. Plain code, unit-tested without Quarkus.
 */
public record KickOff(List<String> types, Instant since) {

    static final Set<String> PARAMETERS = Set.of("_type", "_since", "_outputFormat");
    static final Set<String> NDJSON_FORMATS = Set.of(Fhir.NDJSON, "application/ndjson", "ndjson");

    public static KickOff parse(String prefer, Map<String, List<String>> query, List<String> exported) {
        if (prefer == null || !prefer.toLowerCase(Locale.ROOT).contains("respond-async")) {
            throw FhirException.badRequest("send Prefer: respond-async; a Bulk Data export only runs asynchronously");
        }
        for (String name : query.keySet()) {
            if (!PARAMETERS.contains(name)) {
                throw FhirException.notSupported("'" + name + "' is not supported by this export; supported: "
                        + String.join(", ", new TreeSet<>(PARAMETERS)));
            }
        }
        List<String> formats = query.getOrDefault("_outputFormat", List.of());
        if (formats.stream().anyMatch(f -> !NDJSON_FORMATS.contains(f.strip()))) {
            throw FhirException.notSupported("_outputFormat: only application/fhir+ndjson is written");
        }
        return new KickOff(types(query.get("_type"), exported), since(query.get("_since")));
    }

    private static List<String> types(List<String> values, List<String> exported) {
        Set<String> requested = new LinkedHashSet<>();
        for (String value : values == null ? List.<String>of() : values) {
            for (String name : value.split(",")) {
                String type = name.strip();
                if (type.isEmpty()) {
                    continue;
                }
                if (!exported.contains(type)) {
                    throw FhirException.notSupported("_type: '" + type + "' is not exported by this service; it exports "
                            + String.join(", ", exported));
                }
                requested.add(type);
            }
        }
        return requested.isEmpty() ? List.copyOf(exported) : exported.stream().filter(requested::contains).toList();
    }

    private static Instant since(List<String> values) {
        if (values == null || values.isEmpty()) {
            return null;
        }
        if (values.size() > 1) {
            throw FhirException.badRequest("_since: give it once");
        }
        String value = values.get(0).strip();
        try {
            return OffsetDateTime.parse(value).toInstant();
        } catch (DateTimeParseException e) {
            throw FhirException.badRequest("_since: '" + value + "' is not a FHIR instant such as 2026-01-01T00:00:00Z");
        }
    }
}
