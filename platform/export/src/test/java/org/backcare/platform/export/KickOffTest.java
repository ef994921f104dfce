package org.backcare.platform.export;

import org.backcare.platform.fhir.FhirException;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class KickOffTest {

    private static final List<String> EXPORTED = List.of("Observation", "QuestionnaireResponse", "MedicationStatement");

    private static KickOff parse(Map<String, List<String>> query) {
        return KickOff.parse("respond-async", query, EXPORTED);
    }

    @Test
    void withoutTypesEveryExportedTypeInExportOrder() {
        assertThat(parse(Map.of()).types()).isEqualTo(EXPORTED);
        assertThat(parse(Map.of()).since()).isNull();
    }

    @Test
    void requestedTypesKeepTheExportOrderAndDropRepeats() {
        KickOff kickOff = parse(Map.of("_type", List.of("MedicationStatement, Observation", "Observation")));
        assertThat(kickOff.types()).containsExactly("Observation", "MedicationStatement");
    }

    @Test
    void sinceIsAnInstantWithItsOffset() {
        assertThat(parse(Map.of("_since", List.of("2026-03-02T11:00:00+01:00"))).since())
                .isEqualTo(Instant.parse("2026-03-02T10:00:00Z"));
    }

    @Test
    void whatCannotBeHonouredIs400() {
        assertRefused(() -> KickOff.parse(null, Map.of(), EXPORTED), 400, "Prefer: respond-async");
        assertRefused(() -> KickOff.parse("return=minimal", Map.of(), EXPORTED), 400, "respond-async");
        assertRefused(() -> parse(Map.of("_type", List.of("Patient"))), 400, "'Patient' is not exported");
        assertRefused(() -> parse(Map.of("_typeFilter", List.of("Observation?code=x"))), 400, "'_typeFilter' is not supported");
        assertRefused(() -> parse(Map.of("_outputFormat", List.of("text/csv"))), 400, "_outputFormat");
        assertRefused(() -> parse(Map.of("_since", List.of("yesterday"))), 400, "not a FHIR instant");
        assertRefused(() -> parse(Map.of("_since", List.of("2026-01-01"))), 400, "not a FHIR instant");
        assertRefused(() -> parse(Map.of("_since", List.of("2026-01-01T00:00:00Z", "2026-02-01T00:00:00Z"))), 400, "once");
    }

    @Test
    void ndjsonMayBeNamedThreeWays() {
        for (String format : List.of("application/fhir+ndjson", "application/ndjson", "ndjson")) {
            assertThat(parse(Map.of("_outputFormat", List.of(format))).types()).isEqualTo(EXPORTED);
        }
    }

    private static void assertRefused(Runnable call, int status, String message) {
        assertThatThrownBy(call::run).isInstanceOfSatisfying(FhirException.class, e -> {
            assertThat(e.status()).isEqualTo(status);
            assertThat(e.getMessage()).contains(message);
        });
    }
}
