package org.backcare.patient.fhir;

import org.backcare.platform.fhir.FhirException;
import jakarta.ws.rs.core.MultivaluedHashMap;
import org.backcare.platform.access.Caller;
import org.backcare.patient.fhir.FhirMapper.Type;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** FHIR date prefixes and precisions, and the search parameters each type accepts. */
class FhirSearchParametersTest {

    private static Instant at(String instant) {
        return Instant.parse(instant);
    }

    @Test
    void aDayWithoutPrefixIsTheWholeUtcDay() {
        assertThat(InstantRange.parse("date", "2025-03-01"))
                .isEqualTo(new InstantRange(at("2025-03-01T00:00:00Z"), at("2025-03-02T00:00:00Z")));
        assertThat(InstantRange.parse("date", "eq2025-03"))
                .isEqualTo(new InstantRange(at("2025-03-01T00:00:00Z"), at("2025-04-01T00:00:00Z")));
        assertThat(InstantRange.parse("date", "2025"))
                .isEqualTo(new InstantRange(at("2025-01-01T00:00:00Z"), at("2026-01-01T00:00:00Z")));
    }

    @Test
    void prefixesRelateTheInstantToTheInterval() {
        assertThat(InstantRange.parse("d", "ge2025-03-01")).isEqualTo(new InstantRange(at("2025-03-01T00:00:00Z"), null));
        assertThat(InstantRange.parse("d", "gt2025-03-01")).isEqualTo(new InstantRange(at("2025-03-02T00:00:00Z"), null));
        assertThat(InstantRange.parse("d", "le2025-03-01")).isEqualTo(new InstantRange(null, at("2025-03-02T00:00:00Z")));
        assertThat(InstantRange.parse("d", "lt2025-03-01")).isEqualTo(new InstantRange(null, at("2025-03-01T00:00:00Z")));
        assertThat(InstantRange.parse("d", "sa2025-03-01")).isEqualTo(InstantRange.parse("d", "gt2025-03-01"));
        assertThat(InstantRange.parse("d", "eb2025-03-01")).isEqualTo(InstantRange.parse("d", "lt2025-03-01"));
    }

    @Test
    void timesWithOffsetsAndFractions() {
        assertThat(InstantRange.parse("d", "ge2025-03-01T10:15:30+02:00").from()).isEqualTo(at("2025-03-01T08:15:30Z"));
        assertThat(InstantRange.parse("d", "2025-03-01T10:15:30.5Z"))
                .isEqualTo(new InstantRange(at("2025-03-01T10:15:30.5Z"), at("2025-03-01T10:15:30.6Z")));
        assertThat(InstantRange.parse("d", "gt2025-03-01T10:15Z").from()).isEqualTo(at("2025-03-01T10:16:00Z"));
        assertThat(InstantRange.parseInstant("_since", "2025-03-01T10:15:30.123456Z"))
                .isEqualTo(at("2025-03-01T10:15:30.123456Z"));
    }

    @Test
    void severalValuesAreAnded() {
        InstantRange january = InstantRange.parseAll("date", List.of("ge2025-01-01", "lt2025-02-01"));
        assertThat(january).isEqualTo(new InstantRange(at("2025-01-01T00:00:00Z"), at("2025-02-01T00:00:00Z")));
        assertThat(january.contains(at("2025-01-31T23:59:59Z"))).isTrue();
        assertThat(january.contains(at("2025-02-01T00:00:00Z"))).isFalse();
        assertThat(InstantRange.parseAll("date", null).isAll()).isTrue();
    }

    @Test
    void badDatesAndUnsupportedPrefixesAre400() {
        for (String bad : List.of("yesterday", "2025-13-01", "2025-02-30", "xx2025", "2025-3-1", "")) {
            assertThatThrownBy(() -> InstantRange.parse("date", bad)).as(bad).isInstanceOfSatisfying(
                    FhirException.class, e -> assertThat(e.status()).isEqualTo(400));
        }
        assertThatThrownBy(() -> InstantRange.parse("date", "ne2025")).isInstanceOf(FhirException.class)
                .hasMessageContaining("not supported");
        assertThatThrownBy(() -> InstantRange.parseInstant("_since", "2025-03-01"))
                .isInstanceOf(FhirException.class).hasMessageContaining("_since");
    }

    private static SearchRequest search(Type type, Map<String, String> params) {
        MultivaluedHashMap<String, String> query = new MultivaluedHashMap<>();
        params.forEach(query::add);
        return SearchRequest.parse(type, new Caller("me", Set.of("integrator"), "me"), query);
    }

    @Test
    void patientReferencesInEveryForm() {
        UUID id = UUID.randomUUID();
        for (String reference : List.of(id.toString(), "Patient/" + id, "https://x.example/fhir/Patient/" + id)) {
            assertThat(search(Type.CARE_TEAM, Map.of("patient", reference)).criteria().patientId()).isEqualTo(id);
        }
        assertThat(search(Type.FLAG, Map.of("subject", "Patient/" + id)).criteria().patientId()).isEqualTo(id);
        assertThat(search(Type.FLAG, Map.of("patient", "Patient/not-a-uuid")).criteria().patientId())
                .isEqualTo(SearchRequest.NO_PATIENT);
        assertThatThrownBy(() -> search(Type.FLAG, Map.of("patient", "Practitioner/" + id)))
                .isInstanceOf(FhirException.class);
    }

    @Test
    void countIsCappedAndPagingChecked() {
        assertThat(search(Type.PATIENT, Map.of()).count()).isEqualTo(50);
        assertThat(search(Type.PATIENT, Map.of("_count", "10000")).count()).isEqualTo(500);
        assertThat(search(Type.PATIENT, Map.of("_count", "5", "_offset", "10")).offset()).isEqualTo(10);
        for (Map<String, String> bad : List.of(Map.of("_count", "-1"), Map.of("_count", "ten"),
                Map.of("_offset", "-5"))) {
            assertThatThrownBy(() -> search(Type.PATIENT, bad)).as(bad.toString()).isInstanceOf(FhirException.class);
        }
    }

    @Test
    void unknownParametersAreRefusedNotIgnored() {
        assertThatThrownBy(() -> search(Type.PATIENT, Map.of("name", "Berg"))).isInstanceOf(FhirException.class)
                .hasMessageContaining("name");
        assertThatThrownBy(() -> search(Type.PATIENT, Map.of("patient", UUID.randomUUID().toString())))
                .isInstanceOf(FhirException.class);
        assertThatThrownBy(() -> search(Type.CARE_TEAM, Map.of("patient:missing", "true")))
                .isInstanceOf(FhirException.class);
    }
}
