package org.backcare.plan.fhir;

import org.backcare.plan.exercise.ExerciseCatalogue;
import org.backcare.plan.medication.Drug;
import org.backcare.plan.medication.Formulary;
import org.hl7.fhir.r4.model.CodeSystem;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The code systems plan-service serves are its formulary and exercise catalogue, code for code, and valid FHIR. */
class PlanCodeSystemsTest {

    @Test
    void theFormularyHasEveryDrugWithItsClassAndDailyMaximum() {
        CodeSystem formulary = PlanCodeSystems.formulary();
        assertThat(formulary.getUrl()).isEqualTo(PlanFhirMapper.FORMULARY_SYSTEM);
        assertThat(formulary.getIdElement().getIdPart()).isEqualTo("formulary");
        assertThat(formulary.getConcept()).extracting(CodeSystem.ConceptDefinitionComponent::getCode)
                .containsExactlyElementsOf(Formulary.codes());
        assertThat(formulary.getCount()).isEqualTo(Formulary.all().size());
        Drug tramadol = Formulary.find("tramadol").orElseThrow();
        CodeSystem.ConceptDefinitionComponent concept = formulary.getConcept().stream()
                .filter(c -> c.getCode().equals("tramadol")).findFirst().orElseThrow();
        assertThat(concept.getDisplay()).isEqualTo(tramadol.name());
        assertThat(concept.getProperty()).extracting(p -> p.getCode() + "=" + p.getValue().primitiveValue())
                .containsExactly("drug-class=opioid", "max-daily-dose=400", "unit=mg");
        FhirValidation.assertValid(formulary);
    }

    @Test
    void theExerciseCatalogueHasEveryExerciseWithItsCategory() {
        CodeSystem catalogue = PlanCodeSystems.exerciseCatalogue();
        assertThat(catalogue.getUrl()).isEqualTo(PlanFhirMapper.EXERCISE_SYSTEM);
        assertThat(catalogue.getIdElement().getIdPart()).isEqualTo("exercise-catalogue");
        assertThat(catalogue.getConcept()).extracting(CodeSystem.ConceptDefinitionComponent::getCode)
                .containsExactlyElementsOf(ExerciseCatalogue.all().stream().map(e -> e.code()).toList());
        assertThat(catalogue.getConcept().get(0).getProperty()).extracting(p -> p.getCode()).containsExactly("category");
        FhirValidation.assertValid(catalogue);
    }

    @Test
    void bothAreServedAsCanonicals() {
        assertThat(PlanCodeSystems.all().types()).containsExactly("CodeSystem");
        assertThat(PlanFhirServer.describe().canonicals().read("CodeSystem", "exercise-catalogue").getUrl())
                .isEqualTo(PlanFhirMapper.EXERCISE_SYSTEM);
    }
}
