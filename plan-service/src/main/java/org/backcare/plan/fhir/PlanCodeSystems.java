package org.backcare.plan.fhir;

import org.backcare.plan.exercise.Exercise;
import org.backcare.plan.exercise.ExerciseCatalogue;
import org.backcare.plan.medication.Drug;
import org.backcare.plan.medication.Formulary;
import org.backcare.platform.fhir.Canonicals;
import org.hl7.fhir.r4.model.CodeSystem;
import org.hl7.fhir.r4.model.CodeSystem.PropertyType;
import org.hl7.fhir.r4.model.CodeType;
import org.hl7.fhir.r4.model.DecimalType;
import org.hl7.fhir.r4.model.Enumerations.PublicationStatus;

/**
 * The code systems plan-service's resources use, served under /fhir/CodeSystem so that their URLs resolve: the
 * formulary (MedicationRequest.medication) and the exercise catalogue (CarePlan activities), made from the same
 * {@link Formulary} and {@link ExerciseCatalogue} the JSON API and the safety rules use, so they cannot drift.
 */
public final class PlanCodeSystems {

    private PlanCodeSystems() {
    }

    /** Every one, as the FHIR API serves them. */
    public static Canonicals all() {
        return Canonicals.of(formulary(), exerciseCatalogue());
    }

    public static CodeSystem formulary() {
        CodeSystem cs = codeSystem(PlanFhirMapper.FORMULARY_SYSTEM, "BackCareFormulary", "BackCare formulary",
                "The drugs a BackCare plan may prescribe for chronic back pain (GET /formulary), each with its "
                        + "pharmacological class and the most a patient may take in one day.");
        cs.addProperty().setCode("drug-class").setType(PropertyType.CODE)
                .setDescription("The pharmacological class the safety rules work on (nsaid, opioid, ...)");
        cs.addProperty().setCode("max-daily-dose").setType(PropertyType.DECIMAL)
                .setDescription("The most a patient may take in one day, in the drug's unit");
        cs.addProperty().setCode("unit").setType(PropertyType.CODE)
                .setDescription("The UCUM unit every dose of the drug is written in (mg, g)");
        for (Drug drug : Formulary.all()) {
            CodeSystem.ConceptDefinitionComponent concept = cs.addConcept().setCode(drug.code())
                    .setDisplay(drug.name()).setDefinition(drug.note());
            concept.addProperty().setCode("drug-class").setValue(new CodeType(drug.drugClass().code()));
            concept.addProperty().setCode("max-daily-dose").setValue(new DecimalType(drug.maxDailyDose()));
            concept.addProperty().setCode("unit").setValue(new CodeType(drug.unit()));
        }
        return cs.setCount(cs.getConcept().size());
    }

    public static CodeSystem exerciseCatalogue() {
        CodeSystem cs = codeSystem(PlanFhirMapper.EXERCISE_SYSTEM, "BackCareExerciseCatalogue",
                "BackCare exercise catalogue", "The exercises a BackCare physical therapy programme is built from "
                        + "(GET /exercise-catalogue), with the instructions the patient sees.");
        cs.addProperty().setCode("category").setType(PropertyType.CODE)
                .setDescription("The kind of exercise (mobility, core-stabilisation, strength, aerobic, "
                        + "task-specific, mind-body)");
        for (Exercise exercise : ExerciseCatalogue.all()) {
            cs.addConcept().setCode(exercise.code()).setDisplay(exercise.name()).setDefinition(exercise.instructions())
                    .addProperty().setCode("category").setValue(new CodeType(exercise.category().code()));
        }
        return cs.setCount(cs.getConcept().size());
    }

    private static CodeSystem codeSystem(String url, String name, String title, String description) {
        CodeSystem cs = new CodeSystem();
        cs.setId(url.substring(url.lastIndexOf('/') + 1));
        cs.setUrl(url);
        cs.setName(name);
        cs.setTitle(title);
        cs.setStatus(PublicationStatus.ACTIVE);
        cs.setExperimental(false);
        cs.setPublisher("BackCare");
        cs.setDescription(description);
        cs.setCaseSensitive(true);
        cs.setContent(CodeSystem.CodeSystemContentMode.COMPLETE);
        return cs;
    }
}
