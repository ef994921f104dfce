package org.backcare.patient.fhir;

import org.backcare.platform.fhir.FhirException;
import org.backcare.platform.fhir.SearchParameters;
import jakarta.ws.rs.core.MultivaluedMap;
import org.backcare.platform.access.Caller;
import org.backcare.patient.fhir.FhirMapper.Type;

import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The query parameters of a FHIR search, checked and parsed. An unknown parameter is refused (400) rather than
 * ignored, so a client never takes an unfiltered answer for a filtered one. Plain code, unit-tested.
 *
 * <p>Supported: {@code _id}, {@code _lastUpdated}, {@code _count} (default 50, at most 500: more is served as 500)
 * and {@code _offset} (the paging position the {@code next} links carry) on every type; {@code patient} (or
 * {@code subject}) and {@code date} on CareTeam and Flag.
 */
public record SearchRequest(PatientRows.Criteria criteria, int offset, int count) {

    public static final int DEFAULT_COUNT = 50;
    public static final int MAX_COUNT = 500;
    /** The nil UUID is never a patient's id: a reference to something that is not one of ours matches nothing. */
    static final UUID NO_PATIENT = new UUID(0, 0);

    private static final Set<String> COMMON = Set.of("_id", "_lastUpdated", "_count", "_offset");
    private static final Set<String> PATIENT_SCOPED = Set.of("patient", "subject", "date");
    private static final Pattern PATIENT_REFERENCE = Pattern.compile("(?:.*/)?(?:Patient/)?([A-Za-z0-9\\-.]{1,64})");

    public static Set<String> supported(Type type) {
        Set<String> names = new TreeSet<>(COMMON);
        if (type != Type.PATIENT) {
            names.addAll(PATIENT_SCOPED);
        }
        return names;
    }

    public static SearchRequest parse(Type type, Caller caller, MultivaluedMap<String, String> query) {
        SearchParameters.requireSupported(type.fhirName(), query, supported(type));
        UUID patientId = null;
        String id = single(query, "_id");
        if (id != null) {
            patientId = uuidOrNone(id);
        }
        String patient = single(query, "patient");
        String subject = single(query, "subject");
        if (patient != null && subject != null) {
            throw FhirException.badRequest("give either patient or subject, not both");
        }
        String reference = patient != null ? patient : subject;
        if (reference != null) {
            Matcher m = PATIENT_REFERENCE.matcher(reference.strip());
            if (!m.matches() || (reference.contains("/") && !reference.contains("Patient/"))) {
                throw FhirException.badRequest((patient != null ? "patient" : "subject")
                        + ": '" + reference + "' is not a Patient reference such as Patient/{id}");
            }
            UUID referenced = uuidOrNone(m.group(1));
            if (patientId != null && !patientId.equals(referenced)) {
                referenced = NO_PATIENT;
            }
            patientId = referenced;
        }
        InstantRange date = InstantRange.parseAll("date", query.get("date"));
        InstantRange lastUpdated = InstantRange.parseAll("_lastUpdated", query.get("_lastUpdated"));
        int count = Math.min(integer(query, "_count", DEFAULT_COUNT), MAX_COUNT);
        int offset = integer(query, "_offset", 0);
        return new SearchRequest(new PatientRows.Criteria(type, caller, patientId, date, lastUpdated), offset, count);
    }

    static UUID uuidOrNone(String id) {
        try {
            UUID uuid = UUID.fromString(id);
            return uuid.toString().equalsIgnoreCase(id) ? uuid : NO_PATIENT;
        } catch (IllegalArgumentException e) {
            return NO_PATIENT;
        }
    }

    private static String single(MultivaluedMap<String, String> query, String name) {
        List<String> values = query.get(name);
        if (values == null || values.isEmpty()) {
            return null;
        }
        if (values.size() > 1) {
            throw FhirException.notSupported(name + ": give it once");
        }
        if (values.get(0).contains(",") && !name.equals("_format")) {
            throw FhirException.notSupported(name + ": several values separated by commas are not supported");
        }
        return values.get(0);
    }

    private static int integer(MultivaluedMap<String, String> query, String name, int defaultValue) {
        String value = single(query, name);
        if (value == null) {
            return defaultValue;
        }
        try {
            int number = Integer.parseInt(value.strip());
            if (number >= 0) {
                return number;
            }
        } catch (NumberFormatException ignored) {
            // reported below
        }
        throw FhirException.badRequest(name + ": '" + value + "' is not a whole number of 0 or more");
    }
}
