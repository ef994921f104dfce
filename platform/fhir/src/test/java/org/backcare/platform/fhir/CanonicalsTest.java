package org.backcare.platform.fhir;

import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.CodeSystem;
import org.hl7.fhir.r4.model.MetadataResource;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** A service's own CodeSystems and Questionnaires: read by id, searched by url, never changed by a reader. */
class CanonicalsTest {

    static final String BASE = "https://plans.backcare.example/fhir";
    static final String FORMULARY = "https://backcare.example/fhir/CodeSystem/formulary";

    private final Canonicals canonicals = Canonicals.of(CapabilityStatementsTest.codeSystem(),
            CapabilityStatementsTest.questionnaire());

    private Bundle search(String type, Map<String, List<String>> query) {
        return canonicals.search(type, query, BASE, BASE + "/" + type);
    }

    @Test
    void aResourceIsReadByIdAndUnknownOnesAre404() {
        MetadataResource read = canonicals.read("CodeSystem", "formulary");
        assertThat(read).isInstanceOf(CodeSystem.class);
        assertThat(read.getUrl()).isEqualTo(FORMULARY);
        assertThat(read.getMeta().getVersionId()).matches("[0-9a-f]{16}");
        assertThatThrownBy(() -> canonicals.read("CodeSystem", "odi"))
                .isInstanceOfSatisfying(FhirException.class, e -> assertThat(e.status()).isEqualTo(404));
        assertThat(canonicals.types()).containsExactly("CodeSystem", "Questionnaire");
        assertThat(canonicals.serves("Questionnaire")).isTrue();
        assertThat(canonicals.serves("ValueSet")).isFalse();
    }

    @Test
    void searchByUrlFindsTheResourceInAValidSearchset() {
        Bundle found = search("CodeSystem", Map.of("url", List.of(FORMULARY)));
        assertThat(found.getType()).isEqualTo(Bundle.BundleType.SEARCHSET);
        assertThat(found.getTotal()).isEqualTo(1);
        assertThat(found.getEntryFirstRep().getFullUrl()).isEqualTo(BASE + "/CodeSystem/formulary");
        assertThat(found.getEntryFirstRep().getSearch().getMode()).isEqualTo(Bundle.SearchEntryMode.MATCH);
        assertThat(found.getLink("self").getUrl()).isEqualTo(BASE + "/CodeSystem");
        FhirValidation.assertValid(found);

        assertThat(search("CodeSystem", Map.of()).getTotal()).isEqualTo(1);
        assertThat(search("CodeSystem", Map.of("url", List.of(FORMULARY + "|2")))
                .getTotal()).as("another version").isZero();
        assertThat(search("CodeSystem", Map.of("url", List.of("https://backcare.example/fhir/CodeSystem/x," + FORMULARY)))
                .getTotal()).as("any of several").isEqualTo(1);
        assertThat(search("CodeSystem", Map.of("url", List.of("https://backcare.example/fhir/Questionnaire/odi")))
                .getTotal()).as("a url of another type").isZero();
        assertThat(search("Questionnaire", Map.of("_id", List.of("odi"))).getTotal()).isEqualTo(1);
    }

    @Test
    void anUnknownSearchParameterIs400() {
        assertThatThrownBy(() -> search("CodeSystem", Map.of("name", List.of("x"))))
                .isInstanceOfSatisfying(FhirException.class, e -> {
                    assertThat(e.status()).isEqualTo(400);
                    assertThat(e.getMessage()).contains("name", "url");
                });
    }

    @Test
    void answersAreCopiesSoWritingThemChangesNothingKept() {
        MetadataResource read = canonicals.read("CodeSystem", "formulary");
        Narratives.generate(read);
        assertThat(read.hasText()).isTrue();
        assertThat(canonicals.read("CodeSystem", "formulary").hasText()).isFalse();
        assertThat(canonicals.read("CodeSystem", "formulary").getMeta().getVersionId())
                .isEqualTo(read.getMeta().getVersionId());
        FhirValidation.assertValid(read);
    }

    @Test
    void theVersionIdFollowsTheContent() {
        CodeSystem changed = CapabilityStatementsTest.codeSystem();
        changed.addConcept().setCode("naproxen").setDisplay("Naproxen");
        assertThat(Canonicals.of(changed).read("CodeSystem", "formulary").getMeta().getVersionId())
                .isNotEqualTo(canonicals.read("CodeSystem", "formulary").getMeta().getVersionId());
    }

    @Test
    void aResourceGivenTwiceIsRefused() {
        assertThatThrownBy(() -> Canonicals.of(CapabilityStatementsTest.codeSystem(), CapabilityStatementsTest.codeSystem()))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
