package org.backcare.plan.medication;

import org.backcare.platform.patients.Comorbidity;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;

import static java.util.stream.Collectors.toMap;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.entry;

class FormularyTest {

    @Test
    void formularyHoldsExactlyTheTwelveDrugsWithTheirClasses() {
        Map<String, DrugClass> classes = Formulary.all().stream()
                .collect(toMap(Drug::code, Drug::drugClass, (a, b) -> a, LinkedHashMap::new));

        assertThat(Formulary.all()).hasSize(12);
        assertThat(classes).containsExactly(
                entry("ibuprofen", DrugClass.NSAID),
                entry("naproxen", DrugClass.NSAID),
                entry("diclofenac-gel", DrugClass.TOPICAL),
                entry("celecoxib", DrugClass.NSAID),
                entry("acetaminophen", DrugClass.ACETAMINOPHEN),
                entry("gabapentin", DrugClass.GABAPENTINOID),
                entry("pregabalin", DrugClass.GABAPENTINOID),
                entry("duloxetine", DrugClass.SNRI),
                entry("amitriptyline", DrugClass.TRICYCLIC),
                entry("doxepin", DrugClass.TRICYCLIC),
                entry("cyclobenzaprine", DrugClass.MUSCLE_RELAXANT),
                entry("tramadol", DrugClass.OPIOID));
    }

    @Test
    void everyDrugHasItsMaximumDailyDoseAndUnit() {
        Map<String, String> maxima = Formulary.all().stream().collect(toMap(Drug::code,
                d -> d.maxDailyDose().toPlainString() + " " + d.unit()));

        assertThat(maxima).containsOnly(
                entry("ibuprofen", "3200 mg"),
                entry("naproxen", "1500 mg"),
                entry("diclofenac-gel", "32 g"),
                entry("celecoxib", "400 mg"),
                entry("acetaminophen", "4000 mg"),
                entry("gabapentin", "3600 mg"),
                entry("pregabalin", "600 mg"),
                entry("duloxetine", "120 mg"),
                entry("amitriptyline", "150 mg"),
                entry("doxepin", "300 mg"),
                entry("cyclobenzaprine", "30 mg"),
                entry("tramadol", "400 mg"));
    }

    @Test
    void everyDrugHasANameAndAOneSentenceNote() {
        assertThat(Formulary.all()).allSatisfy(drug -> {
            assertThat(drug.name()).as(drug.code()).isNotBlank();
            assertThat(drug.note()).as(drug.code()).isNotBlank().doesNotContain("\n");
            assertThat(drug.code()).matches("[a-z]+(-[a-z]+)*");
        });
        assertThat(Formulary.find("ibuprofen").orElseThrow().note())
                .isEqualTo("400 mg three times a day is a usual first-line dose; "
                        + "stomach and kidney strain with prolonged daily use");
    }

    @Test
    void findReturnsTheDrugForItsCode() {
        assertThat(Formulary.find("naproxen")).hasValueSatisfying(drug -> {
            assertThat(drug.name()).isEqualTo("Naproxen");
            assertThat(drug.drugClass()).isEqualTo(DrugClass.NSAID);
            assertThat(drug.maxDailyDose()).isEqualByComparingTo(new BigDecimal("1500"));
            assertThat(drug.unit()).isEqualTo("mg");
        });
    }

    @Test
    void findReturnsNothingForUnknownMissingOrMisspelledCodes() {
        assertThat(Formulary.find("oxycodone")).isEmpty();
        assertThat(Formulary.find(null)).isEmpty();
        assertThat(Formulary.find("Ibuprofen")).isEmpty();
        assertThat(Formulary.find(" ibuprofen")).isEmpty();
    }

    @Test
    void formularyCannotBeModified() {
        assertThatThrownBy(() -> Formulary.all().clear()).isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void drugClassesUseKebabCaseCodes() {
        assertThat(Arrays.stream(DrugClass.values()).map(DrugClass::code)).containsExactly(
                "nsaid", "acetaminophen", "snri", "gabapentinoid", "tricyclic", "muscle-relaxant", "topical", "opioid");
        assertThat(DrugClass.fromCode("muscle-relaxant")).isEqualTo(DrugClass.MUSCLE_RELAXANT);
        assertThatThrownBy(() -> DrugClass.fromCode("steroid"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("muscle-relaxant");
    }

    @Test
    void comorbidityCodesAreTheOnesPatientServicePublishes() {
        assertThat(Arrays.stream(Comorbidity.values()).map(Comorbidity::code)).containsExactly(
                "gi-ulcer-or-bleed", "kidney-disease", "cardiovascular-disease", "pregnancy", "liver-disease",
                "substance-use-disorder");
        assertThat(Comorbidity.fromCode("kidney-disease")).isEqualTo(Comorbidity.KIDNEY_DISEASE);
    }
}
