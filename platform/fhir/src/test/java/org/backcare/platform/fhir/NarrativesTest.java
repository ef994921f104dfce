package org.backcare.platform.fhir;

import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.CarePlan;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.DateTimeType;
import org.hl7.fhir.r4.model.IntegerType;
import org.hl7.fhir.r4.model.Narrative;
import org.hl7.fhir.r4.model.Observation;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.Period;
import org.hl7.fhir.r4.model.Quantity;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.Timing;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Narratives by HAPI's generator: every resource gets a readable, valid text; text written by hand is kept. */
class NarrativesTest {

    static CarePlan carePlan() {
        CarePlan plan = new CarePlan();
        plan.setId("1b0c3c1e-6a7e-4f7e-9a43-0c1d2b0e6f11");
        plan.getMeta().setVersionId("3");
        plan.setStatus(CarePlan.CarePlanStatus.ACTIVE);
        plan.setIntent(CarePlan.CarePlanIntent.PLAN);
        plan.setTitle("Back to gardening");
        plan.setSubject(new Reference("Patient/8c1b3f50-2f55-4a0a-9f3c-3c1d2b0e6f11"));
        plan.setPeriod(new Period().setStartElement(new DateTimeType("2026-11-01")));
        CarePlan.CarePlanActivityDetailComponent detail = plan.addActivity().getDetail();
        detail.setStatus(CarePlan.CarePlanActivityStatus.INPROGRESS);
        detail.setCode(new CodeableConcept(new Coding("https://backcare.example/fhir/CodeSystem/exercise-catalogue",
                "bird-dog", "Bird-dog")));
        detail.setDescription("Bird-dog: 3 x 10 reps <hold 5 s> & rest");
        Timing timing = new Timing();
        timing.getRepeat().setFrequency(5).setPeriod(1).setPeriodUnit(Timing.UnitsOfTime.WK);
        detail.setScheduled(timing);
        plan.addActivity().setReference(new Reference("MedicationRequest/4"));
        return plan;
    }

    static Observation observation() {
        Observation o = new Observation();
        o.setId("5e1b-pain");
        o.setStatus(Observation.ObservationStatus.FINAL);
        o.setCode(new CodeableConcept(new Coding("http://loinc.org", "72514-3",
                "Pain severity - 0-10 verbal numeric rating [Score] - Reported")));
        o.setSubject(new Reference("Patient/8c1b3f50-2f55-4a0a-9f3c-3c1d2b0e6f11"));
        o.setEffective(new DateTimeType("2026-11-20"));
        o.setValue(new IntegerType(6));
        return o;
    }

    @Test
    void aCarePlanGetsAGeneratedTableOfItsElements() {
        CarePlan plan = carePlan();
        Narratives.generate(plan);
        assertThat(plan.getText().getStatus()).isEqualTo(Narrative.NarrativeStatus.GENERATED);
        assertThat(plan.getText().getDivAsString()).contains("CarePlan", "Back to gardening", "Bird-dog", "active",
                "Patient/8c1b3f50-2f55-4a0a-9f3c-3c1d2b0e6f11", "2026-11-01 onwards", "5 times per 1 wk",
                "MedicationRequest/4", "Bird-dog: 3 x 10 reps &lt;hold 5 s&gt; &amp; rest")
                .doesNotContain("1b0c3c1e-6a7e-4f7e-9a43-0c1d2b0e6f11", "versionId");
        FhirValidation.assertValid(plan);
    }

    @Test
    void anObservationShowsItsCodeAndValue() {
        Observation o = observation();
        o.setValue(new Quantity().setValue(7.5).setUnit("h"));
        Narratives.generate(o);
        assertThat(o.getText().getStatus()).isEqualTo(Narrative.NarrativeStatus.GENERATED);
        assertThat(o.getText().getDivAsString()).contains("Observation", "Pain severity", "7.5 h", "2026-11-20", "final");
        FhirValidation.assertValid(o);
    }

    @Test
    void everyEntryOfABundleGetsOneAndExistingTextIsKept() {
        Bundle bundle = new Bundle().setType(Bundle.BundleType.SEARCHSET);
        bundle.addEntry().setFullUrl("https://backcare.example/fhir/Observation/5e1b-pain").setResource(observation());
        Patient patient = new Patient();
        patient.setId("8c1b3f50-2f55-4a0a-9f3c-3c1d2b0e6f11");
        patient.addName().setFamily("Patient").addGiven("Anna");
        bundle.addEntry().setFullUrl("https://backcare.example/fhir/Patient/8c1b3f50-2f55-4a0a-9f3c-3c1d2b0e6f11")
                .setResource(patient);
        Observation written = observation();
        written.setId("5e1b-mood");
        written.getText().setStatus(Narrative.NarrativeStatus.ADDITIONAL).setDivAsString("<div>By hand</div>");
        bundle.addEntry().setFullUrl("https://backcare.example/fhir/Observation/5e1b-mood").setResource(written);
        Narratives.generate(bundle);
        assertThat(((Observation) bundle.getEntry().get(0).getResource()).getText().getStatus())
                .isEqualTo(Narrative.NarrativeStatus.GENERATED);
        assertThat(((Patient) bundle.getEntry().get(1).getResource()).getText().getDivAsString()).contains("Anna");
        assertThat(written.getText().getDivAsString()).contains("By hand");
        FhirValidation.assertValid(bundle);
    }
}
