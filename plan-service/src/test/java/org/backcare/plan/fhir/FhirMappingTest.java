package org.backcare.plan.fhir;

import org.backcare.platform.fhir.CapabilityStatements;
import org.backcare.platform.fhir.OperationOutcomes;
import org.backcare.plan.medication.Prescription;
import org.backcare.plan.plan.Plan;
import org.backcare.plan.plan.PlanStatus;
import org.backcare.plan.section.ExerciseProgram;
import org.backcare.plan.section.Frequency;
import org.backcare.plan.section.GoalStatus;
import org.backcare.plan.section.Goals;
import org.backcare.plan.section.Medications;
import org.backcare.plan.section.SelfManagement;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.CarePlan;
import org.hl7.fhir.r4.model.Goal;
import org.hl7.fhir.r4.model.MedicationRequest;
import org.hl7.fhir.r4.model.OperationOutcome;
import org.hl7.fhir.r4.model.Resource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Date;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** The plan -> FHIR mapping, without Quarkus: every resource it produces passes HAPI's R4 validator. */
class FhirMappingTest {

    static final LocalDate START = LocalDate.of(2026, 12, 1);

    static PlanParts parts(PlanStatus status) {
        Plan plan = new Plan();
        plan.id = UUID.randomUUID();
        plan.patientId = UUID.randomUUID();
        plan.status = status;
        plan.title = "Back to gardening by spring";
        plan.template = "mechanical";
        plan.startDate = START;
        plan.reviewDate = START.plusWeeks(4);
        plan.revision = 7;
        plan.createdAt = Instant.parse("2026-11-20T08:00:00Z");
        plan.updatedAt = Instant.parse("2026-11-23T09:15:00.123Z");
        Goals goals = new Goals(List.of(
                new Goals.Goal("Walk 30 minutes", "Minutes walked without pain above 4/10", "30 minutes, pain at most 4/10",
                        START.plusWeeks(8), GoalStatus.OPEN),
                new Goals.Goal("Garden for an hour", "Minutes gardening", "60 minutes", START.plusWeeks(12), GoalStatus.ACHIEVED),
                new Goals.Goal("Sleep through", "Nights without waking from pain", "5 of 7", START.plusWeeks(6),
                        GoalStatus.PARTLY_ACHIEVED),
                new Goals.Goal("Run", "Minutes run", "10 minutes", START.plusWeeks(6), GoalStatus.NOT_ACHIEVED),
                new Goals.Goal("Lift the grandchild", "kg lifted", "12 kg", START.plusWeeks(6), GoalStatus.DROPPED)));
        ExerciseProgram exercises = new ExerciseProgram(List.of(
                new ExerciseProgram.PrescribedExercise("bird-dog", new ExerciseProgram.Dose(2, 10, 5, null, 7),
                        "Add 2 reps a week while pain stays at or below 3/10", null, null),
                new ExerciseProgram.PrescribedExercise("walking", new ExerciseProgram.Dose(null, null, null, 15, 5),
                        null, null, null)), "15 minutes every day");
        Medications medications = new Medications(List.of(
                new Prescription(UUID.randomUUID(), "naproxen", new BigDecimal("500"), "mg", 2, false, null, START,
                        START.plusDays(9), null, null, Set.of(), "Take with food"),
                new Prescription(UUID.randomUUID(), "acetaminophen", new BigDecimal("1000"), "mg", null, true, 3, START,
                        null, null, null, Set.of(), null),
                new Prescription(UUID.randomUUID(), "diclofenac-gel", new BigDecimal("4"), "g", 4, false, null, START,
                        null, null, null, Set.of(), null),
                new Prescription(UUID.randomUUID(), "tramadol", new BigDecimal("50"), "mg", 2, false, null, START,
                        START.plusDays(14), START.plusDays(30), "Short bridge after failed NSAID", Set.of("opioid"), null)),
                "Review NSAID use at the next visit");
        SelfManagement self = new SelfManagement(
                List.of(new SelfManagement.PacingGoal("Walk", 12, Frequency.EVERY_OTHER_DAY, null)), null,
                List.of(new SelfManagement.Practice("Diaphragmatic breathing", 10, Frequency.DAILY),
                        new SelfManagement.Practice("Body scan", 20, Frequency.WEEKLY)), null, List.of());
        return new PlanParts(plan, goals, exercises, medications, self);
    }

    @ParameterizedTest
    @EnumSource(PlanStatus.class)
    void everyResourceOfAPlanInEveryStatusIsValidFhir(PlanStatus status) {
        List<Resource> all = PlanFhirMapper.all(parts(status));
        assertThat(all).extracting(Resource::fhirType)
                .containsExactly("CarePlan", "Goal", "Goal", "Goal", "Goal", "Goal",
                        "MedicationRequest", "MedicationRequest", "MedicationRequest", "MedicationRequest");
        all.forEach(FhirValidation::assertValid);
    }

    @Test
    void anEmptyPlanIsValidToo() {
        PlanParts empty = parts(PlanStatus.DRAFT);
        PlanParts parts = new PlanParts(empty.plan(), null, null, null, null);
        List<Resource> all = PlanFhirMapper.all(parts);
        assertThat(all).hasSize(1);
        FhirValidation.assertValid(all.get(0));
    }

    @Test
    void theCarePlanReferencesItsGoalsAndMedicationRequests() {
        PlanParts parts = parts(PlanStatus.DISCONTINUED);
        CarePlan care = PlanFhirMapper.carePlan(parts);
        assertThat(care.getStatus()).isEqualTo(CarePlan.CarePlanStatus.REVOKED);
        assertThat(care.getIntent()).isEqualTo(CarePlan.CarePlanIntent.PLAN);
        assertThat(care.getSubject().getReference()).isEqualTo("Patient/" + parts.plan().patientId);
        assertThat(care.getMeta().getVersionId()).isEqualTo("7");
        assertThat(care.getMeta().getLastUpdated()).isEqualTo(Date.from(parts.plan().updatedAt));
        assertThat(care.getPeriod().getStartElement().getValueAsString()).isEqualTo("2026-12-01");
        assertThat(care.getPeriod().getEndElement().getValueAsString()).isEqualTo("2026-12-29");
        assertThat(care.getGoal()).extracting(r -> r.getReference())
                .containsExactly("Goal/" + parts.plan().id + "-goal-0", "Goal/" + parts.plan().id + "-goal-1",
                        "Goal/" + parts.plan().id + "-goal-2", "Goal/" + parts.plan().id + "-goal-3",
                        "Goal/" + parts.plan().id + "-goal-4");
        assertThat(care.getActivity()).filteredOn(a -> a.hasReference()).extracting(a -> a.getReference().getReference())
                .containsExactlyElementsOf(parts.medications().medications().stream()
                        .map(rx -> "MedicationRequest/" + rx.id()).toList());
        assertThat(care.getActivity()).filteredOn(a -> a.hasDetail()).hasSize(5)
                .first().satisfies(a -> {
                    assertThat(a.getDetail().getDescription()).startsWith("Bird-dog: 2 x 10 reps");
                    assertThat(a.getDetail().getScheduledTiming().getRepeat().getFrequency()).isEqualTo(7);
                    assertThat(a.getDetail().getStatus()).isEqualTo(CarePlan.CarePlanActivityStatus.STOPPED);
                });
    }

    @Test
    void goalsCarryTheirStatusAndTarget() {
        PlanParts parts = parts(PlanStatus.ACTIVE);
        List<Goal> goals = PlanFhirMapper.goals(parts);
        assertThat(goals).extracting(Goal::getLifecycleStatus).containsExactly(Goal.GoalLifecycleStatus.ACTIVE,
                Goal.GoalLifecycleStatus.COMPLETED, Goal.GoalLifecycleStatus.ACTIVE, Goal.GoalLifecycleStatus.COMPLETED,
                Goal.GoalLifecycleStatus.CANCELLED);
        Goal first = goals.get(0);
        assertThat(first.getIdElement().getIdPart()).isEqualTo(parts.plan().id + "-goal-0");
        assertThat(first.getDescription().getText()).isEqualTo("Walk 30 minutes");
        assertThat(first.getTargetFirstRep().getMeasure().getText()).isEqualTo("Minutes walked without pain above 4/10");
        assertThat(first.getTargetFirstRep().getDetailStringType().getValue()).isEqualTo("30 minutes, pain at most 4/10");
        assertThat(first.getTargetFirstRep().getDueDateType().getValueAsString()).isEqualTo("2027-01-26");
        assertThat(goals.get(1).getAchievementStatus().getCodingFirstRep().getCode()).isEqualTo("achieved");
    }

    @Test
    void medicationRequestsCarryTheDosageAndTheMaximumDailyDose() {
        PlanParts parts = parts(PlanStatus.ACTIVE);
        List<MedicationRequest> requests = PlanFhirMapper.medicationRequests(parts);
        MedicationRequest naproxen = requests.get(0);
        assertThat(naproxen.getIdElement().getIdPart()).isEqualTo(parts.medications().medications().get(0).id().toString());
        assertThat(naproxen.getStatus()).isEqualTo(MedicationRequest.MedicationRequestStatus.ACTIVE);
        assertThat(naproxen.getIntent()).isEqualTo(MedicationRequest.MedicationRequestIntent.ORDER);
        assertThat(naproxen.getMedicationCodeableConcept().getText()).isEqualTo("Naproxen");
        assertThat(naproxen.getBasedOnFirstRep().getReference()).isEqualTo("CarePlan/" + parts.plan().id);
        var dosage = naproxen.getDosageInstructionFirstRep();
        assertThat(dosage.getText()).isEqualTo("500 mg 2 times a day");
        assertThat(dosage.getPatientInstruction()).isEqualTo("Take with food");
        assertThat(dosage.getTiming().getRepeat().getFrequency()).isEqualTo(2);
        assertThat(dosage.getTiming().getRepeat().getBoundsPeriod().getEndElement().getValueAsString()).isEqualTo("2026-12-10");
        assertThat(dosage.getAsNeededBooleanType().booleanValue()).isFalse();
        assertThat(dosage.getDoseAndRateFirstRep().getDoseQuantity().getValue()).isEqualByComparingTo("500");
        assertThat(dosage.getMaxDosePerPeriod().getNumerator().getValue()).isEqualByComparingTo("1500");
        assertThat(dosage.getMaxDosePerPeriod().getNumerator().getCode()).isEqualTo("mg");
        assertThat(dosage.getMaxDosePerPeriod().getDenominator().getCode()).isEqualTo("d");

        var prn = requests.get(1).getDosageInstructionFirstRep();
        assertThat(prn.getAsNeededBooleanType().booleanValue()).isTrue();
        assertThat(prn.getTiming().getRepeat().getFrequencyMax()).isEqualTo(3);
        assertThat(prn.getText()).isEqualTo("1000 mg when needed, at most 3 times a day");
        assertThat(PlanFhirMapper.medicationRequests(parts(PlanStatus.DISCONTINUED)).get(0).getStatus())
                .isEqualTo(MedicationRequest.MedicationRequestStatus.STOPPED);
        assertThat(PlanFhirMapper.medicationRequests(parts(PlanStatus.COMPLETED)).get(0).getStatus())
                .isEqualTo(MedicationRequest.MedicationRequestStatus.COMPLETED);
    }

    @Test
    void theCapabilityStatementASearchBundleAndAnOperationOutcomeAreValid() {
        FhirValidation.assertValid(CapabilityStatements.of(PlanFhirServer.describe(), "https://plans.example/fhir",
                new Date(), new CapabilityStatements.OAuthEndpoints("https://login.example/token",
                        "https://login.example/auth")));
        Bundle bundle = new Bundle().setType(Bundle.BundleType.SEARCHSET).setTotal(1);
        bundle.addLink().setRelation("self").setUrl("https://plans.example/fhir/CarePlan?_count=1");
        CarePlan care = PlanFhirMapper.carePlan(parts(PlanStatus.ACTIVE));
        bundle.addEntry().setFullUrl("https://plans.example/fhir/CarePlan/" + care.getIdElement().getIdPart())
                .setResource(care).getSearch().setMode(Bundle.SearchEntryMode.MATCH);
        FhirValidation.assertValid(bundle);
        FhirValidation.assertValid(OperationOutcomes.of(OperationOutcome.IssueType.NOTFOUND, "CarePlan/x was not found"));
    }
}
