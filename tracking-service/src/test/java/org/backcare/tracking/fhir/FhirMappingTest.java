package org.backcare.tracking.fhir;

import org.backcare.platform.fhir.Fhir;
import org.backcare.tracking.checkin.CheckIn;
import org.backcare.tracking.medication.MedicationIntake;
import org.backcare.tracking.questionnaire.Questionnaire;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.IntegerType;
import org.hl7.fhir.r4.model.MedicationStatement;
import org.hl7.fhir.r4.model.Observation;
import org.hl7.fhir.r4.model.Quantity;
import org.hl7.fhir.r4.model.QuestionnaireResponse;
import org.hl7.fhir.r4.model.RiskAssessment;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** Entity to FHIR mapping without Quarkus: every resource type this service produces passes HAPI's validator. */
class FhirMappingTest {

    static CheckIn checkIn() {
        CheckIn c = new CheckIn();
        c.id = UUID.randomUUID();
        c.patientId = UUID.randomUUID();
        c.day = LocalDate.of(2026, 3, 2);
        c.version = 3;
        c.pain = 6;
        c.locations = List.of("lower-back", "leg-left");
        c.painCharacter = List.of("aching");
        c.legSymptoms = true;
        c.functionScore = 5;
        c.sleepHours = new BigDecimal("6.5");
        c.sleepQuality = 4;
        c.mood = 7;
        c.stress = 3;
        c.triggers = List.of("sitting");
        c.relievers = List.of("walking");
        c.note = "Long meeting";
        c.redFlags = List.of();
        c.recordedBy = "someone";
        c.recordedAt = Instant.parse("2026-03-02T08:00:00Z");
        c.updatedAt = Instant.parse("2026-03-02T09:30:00.123Z");
        return c;
    }

    static Questionnaire odi() {
        Questionnaire q = new Questionnaire();
        q.id = UUID.randomUUID();
        q.patientId = UUID.randomUUID();
        q.kind = Questionnaire.ODI;
        q.day = LocalDate.of(2026, 3, 1);
        q.answers = Arrays.asList(3, 2, null, 1, 4, 3, 2, 0, 1, 2);
        q.answered = 9;
        q.score = new BigDecimal("40.0");
        q.baseline = true;
        q.recordedBy = "someone";
        q.recordedAt = Instant.parse("2026-03-01T10:00:00Z");
        return q;
    }

    /** A stored instrument result, scored with the instrument's current definition. */
    static Questionnaire instrumentResult(String instrument, Integer... answers) {
        var definition = org.backcare.tracking.questionnaire.Instruments.current(instrument).orElseThrow();
        Questionnaire q = new Questionnaire();
        q.id = UUID.randomUUID();
        q.patientId = UUID.randomUUID();
        q.kind = instrument;
        q.version = definition.version();
        q.day = LocalDate.of(2026, 3, 3);
        q.answers = Arrays.asList(answers);
        var score = definition.score(q.answers);
        q.answered = score.answered();
        q.score = BigDecimal.valueOf(score.total());
        q.recordedBy = "someone";
        q.recordedAt = Instant.parse("2026-03-03T11:00:00Z");
        return q;
    }

    static MedicationIntake intake() {
        MedicationIntake m = new MedicationIntake();
        m.id = UUID.randomUUID();
        m.patientId = UUID.randomUUID();
        m.takenAt = Instant.parse("2026-03-02T07:15:00Z");
        m.day = LocalDate.of(2026, 3, 2);
        m.drug = "ibuprofen";
        m.dose = new BigDecimal("400.000");
        m.unit = "mg";
        m.sideEffects = List.of("nausea");
        m.recordedBy = "someone";
        m.recordedAt = Instant.parse("2026-03-02T07:20:00Z");
        return m;
    }

    @Test
    void aCheckInIsOneValidSurveyObservationPerMeasure() {
        CheckIn c = checkIn();
        List<Observation> all = CheckInObservations.of(c);
        assertThat(all).extracting(o -> o.getIdElement().getIdPart()).containsExactly(
                c.id + "-pain", c.id + "-sleep-duration", c.id + "-sleep-quality", c.id + "-mood", c.id + "-function",
                c.id + "-stress");
        for (Observation o : all) {
            FhirValidation.assertValid(o);
            FhirValidation.assertValid(Fhir.json().encodeResourceToString(o));
            assertThat(o.getMeta().getVersionId()).isEqualTo("3");
            assertThat(o.getMeta().getLastUpdated().toInstant()).isEqualTo(c.updatedAt);
            assertThat(o.getSubject().getReference()).isEqualTo("Patient/" + c.patientId);
            assertThat(o.getCategoryFirstRep().getCodingFirstRep().getCode()).isEqualTo("survey");
            assertThat(o.getEffectiveDateTimeType().getValueAsString()).isEqualTo("2026-03-02");
        }
        Observation pain = all.get(0);
        Coding code = pain.getCode().getCodingFirstRep();
        assertThat(code.getSystem()).isEqualTo("http://loinc.org");
        assertThat(code.getCode()).isEqualTo("72514-3");
        assertThat(((IntegerType) pain.getValue()).getValue()).isEqualTo(6);
        Quantity sleep = all.get(1).getValueQuantity();
        assertThat(sleep.getValue()).isEqualByComparingTo("6.5");
        assertThat(sleep.getCode()).isEqualTo("h");
    }

    @Test
    void measuresLeftOutHaveNoObservation() {
        CheckIn c = checkIn();
        c.sleepHours = null;
        c.mood = null;
        c.stress = null;
        c.note = null;
        c.locations = List.of();
        List<Observation> all = CheckInObservations.of(c);
        assertThat(all).extracting(o -> o.getIdElement().getIdPart())
                .containsExactly(c.id + "-pain", c.id + "-sleep-quality", c.id + "-function");
        all.forEach(FhirValidation::assertValid);
    }

    @Test
    void anOdiIsAValidQuestionnaireResponseAndScoreObservation() {
        Questionnaire q = odi();
        QuestionnaireResponse r = OdiResources.response(q);
        FhirValidation.assertValid(r);
        assertThat(r.getItem()).hasSize(10);
        assertThat(r.getItem().get(2).getAnswer()).isEmpty();
        assertThat(r.getItem().get(0).getAnswerFirstRep().getValueIntegerType().getValue()).isEqualTo(3);

        Observation score = OdiResources.score(q);
        FhirValidation.assertValid(score);
        assertThat(score.getIdElement().getIdPart()).isEqualTo(q.id + "-odi");
        assertThat(score.getCode().getCodingFirstRep().getCode()).isEqualTo("97909-6");
        assertThat(score.getValueQuantity().getValue()).isEqualByComparingTo("40");
        assertThat(score.getDerivedFromFirstRep().getReference()).isEqualTo("QuestionnaireResponse/" + q.id);
        assertThat(score.getMeta().getVersionId()).isEqualTo("1");
    }

    @Test
    void anIntakeIsAValidMedicationStatement() {
        MedicationIntake m = intake();
        MedicationStatement s = MedicationStatements.of(m);
        FhirValidation.assertValid(s);
        assertThat(s.getMedicationCodeableConcept().getText()).isEqualTo("ibuprofen");
        assertThat(s.getDosageFirstRep().getDoseAndRateFirstRep().getDoseQuantity().getCode()).isEqualTo("mg");
        assertThat(s.getEffectiveDateTimeType().getValue().toInstant()).isEqualTo(m.takenAt);

        m.unit = "tablet";
        FhirValidation.assertValid(MedicationStatements.of(m));
    }

    @Test
    void aPhq9IsAValidQuestionnaireResponseAndScoreObservation() {
        // Item 4 skipped: prorated, 8 answered summing 10 -> round(10 x 9 / 8) = 11, moderate.
        Questionnaire q = instrumentResult("phq-9", 1, 2, 1, null, 1, 2, 1, 2, 0);
        QuestionnaireResponse r = InstrumentResources.response(q);
        FhirValidation.assertValid(r);
        assertThat(r.getIdElement().getIdPart()).isEqualTo(q.id.toString());
        assertThat(r.getQuestionnaire()).isEqualTo("https://backcare.example/fhir/Questionnaire/phq-9|1");
        assertThat(r.getItem()).extracting(QuestionnaireResponse.QuestionnaireResponseItemComponent::getLinkId)
                .containsExactly("1", "2", "3", "5", "6", "7", "8", "9");
        assertThat(r.getItem().get(0).getText()).isEqualTo("Little interest or pleasure in doing things");
        assertThat(r.getItem().get(8 - 1).getAnswerFirstRep().getValueIntegerType().getValue()).isZero();

        Observation score = InstrumentResources.score(q);
        FhirValidation.assertValid(score);
        FhirValidation.assertValid(Fhir.json().encodeResourceToString(score));
        assertThat(score.getIdElement().getIdPart()).isEqualTo(q.id + "-phq-9");
        assertThat(score.getCode().getCodingFirstRep().getSystem()).isEqualTo("http://loinc.org");
        assertThat(score.getCode().getCodingFirstRep().getCode()).isEqualTo("44261-6");
        assertThat(score.getCategoryFirstRep().getCodingFirstRep().getCode()).isEqualTo("survey");
        assertThat(score.getValueQuantity().getValue()).isEqualByComparingTo("11");
        assertThat(score.getComponent()).hasSize(1);
        Observation.ObservationComponentComponent band = score.getComponentFirstRep();
        assertThat(band.getCode().getCodingFirstRep().getCode()).isEqualTo("phq-9-band");
        assertThat(band.getValueCodeableConcept().getCodingFirstRep().getCode()).isEqualTo("phq-9-band-moderate");
        assertThat(score.getDerivedFromFirstRep().getReference()).isEqualTo("QuestionnaireResponse/" + q.id);
        assertThat(score.getNoteFirstRep().getText()).startsWith("Prorated: 8 of 9");
        assertThat(score.getMeta().getVersionId()).isEqualTo("1");
        assertThat(score.getMeta().getLastUpdated().toInstant()).isEqualTo(q.recordedAt);
        assertThat(QuestionnaireResources.score(q).getCode().getCodingFirstRep().getCode()).isEqualTo("44261-6");
    }

    @Test
    void aGad7TotalHasItsLoincCode() {
        Observation score = InstrumentResources.score(instrumentResult("gad-7", 0, 1, 1, 0, 0, 1, 0));
        FhirValidation.assertValid(score);
        assertThat(score.getCode().getCodingFirstRep().getCode()).isEqualTo("70274-6");
    }

    @Test
    void aStartBackResultIsAScoreWithItsSubscaleAndAValidRiskAssessment() {
        // Total 6 (item 9 "very much" scores 1), psychosocial items 5-9 = 4: high risk.
        Questionnaire q = instrumentResult("start-back", 1, 0, 1, 0, 1, 1, 1, 0, 3);
        QuestionnaireResponse r = InstrumentResources.response(q);
        FhirValidation.assertValid(r);
        assertThat(r.getItem()).hasSize(9);
        assertThat(r.getItem()).extracting(QuestionnaireResponse.QuestionnaireResponseItemComponent::getText)
                .as("copyrighted: no item texts").containsExactly("Item 1", "Item 2", "Item 3", "Item 4", "Item 5",
                        "Item 6", "Item 7", "Item 8", "Item 9");
        assertThat(r.getItem().get(8).getAnswerFirstRep().getValueIntegerType().getValue()).isEqualTo(3);

        Observation score = InstrumentResources.score(q);
        FhirValidation.assertValid(score);
        assertThat(score.getCode().getCodingFirstRep().getCode()).isEqualTo("91351-7");
        assertThat(score.getValueQuantity().getValue()).isEqualByComparingTo("6");
        Observation.ObservationComponentComponent distress = score.getComponent().get(0);
        assertThat(distress.getCode().getCodingFirstRep().getCode()).isEqualTo("91350-9");
        assertThat(distress.getValueQuantity().getValue()).isEqualByComparingTo("4");
        Observation.ObservationComponentComponent band = score.getComponent().get(1);
        assertThat(band.getCode().getCoding()).extracting(Coding::getCode).containsExactly("start-back-band", "91352-5");
        assertThat(band.getValueCodeableConcept().getCoding()).extracting(Coding::getCode)
                .containsExactly("start-back-band-high", "LA9193-9");
        assertThat(score.getNote()).isEmpty();

        RiskAssessment risk = InstrumentResources.riskAssessment(q);
        FhirValidation.assertValid(risk);
        FhirValidation.assertValid(Fhir.json().encodeResourceToString(risk));
        assertThat(risk.getIdElement().getIdPart()).isEqualTo(q.id.toString());
        assertThat(risk.getStatus()).isEqualTo(RiskAssessment.RiskAssessmentStatus.FINAL);
        assertThat(risk.getSubject().getReference()).isEqualTo("Patient/" + q.patientId);
        assertThat(risk.getOccurrenceDateTimeType().getValueAsString()).isEqualTo("2026-03-03");
        assertThat(risk.getBasis()).extracting(org.hl7.fhir.r4.model.Reference::getReference)
                .containsExactly("QuestionnaireResponse/" + q.id, "Observation/" + q.id + "-start-back");
        assertThat(risk.getMethod().getCodingFirstRep().getCode()).isEqualTo("91349-1");
        Coding qualitative = risk.getPredictionFirstRep().getQualitativeRisk().getCodingFirstRep();
        assertThat(qualitative.getSystem()).isEqualTo("http://terminology.hl7.org/CodeSystem/risk-probability");
        assertThat(qualitative.getCode()).isEqualTo("high");
    }

    @Test
    void startBacksMediumStratumIsModerateRisk() {
        // Total 5, psychosocial 2: medium.
        Questionnaire q = instrumentResult("start-back", 1, 1, 1, 0, 1, 0, 1, 0, 0);
        RiskAssessment risk = InstrumentResources.riskAssessment(q);
        FhirValidation.assertValid(risk);
        assertThat(risk.getPredictionFirstRep().getQualitativeRisk().getCoding()).extracting(Coding::getCode)
                .containsExactly("moderate", "start-back-band-medium");
        assertThat(InstrumentResources.riskAssessment(instrumentResult("start-back", 0, 0, 0, 0, 0, 0, 0, 0, 0))
                .getPredictionFirstRep().getQualitativeRisk().getCodingFirstRep().getCode()).isEqualTo("low");
        assertThat(InstrumentResources.hasRiskAssessment(instrumentResult("gad-7", 0, 0, 0, 0, 0, 0, 0))).isFalse();
    }

    @Test
    void pcsSubscalesAreComponentsWithBackCareCodes() {
        Questionnaire q = instrumentResult("pcs", 3, 3, 3, 3, 3, 2, 2, 4, 4, 4, 4, 3, 2);
        Observation score = InstrumentResources.score(q);
        FhirValidation.assertValid(score);
        assertThat(score.getCode().getCodingFirstRep().getSystem()).isEqualTo(FhirCodes.TRACKING_CODES);
        assertThat(score.getCode().getCodingFirstRep().getCode()).isEqualTo("pcs-total");
        assertThat(score.getValueQuantity().getValue()).isEqualByComparingTo("40");
        assertThat(score.getComponent()).extracting(c -> c.getCode().getCodingFirstRep().getCode())
                .containsExactly("pcs-rumination", "pcs-magnification", "pcs-helplessness", "pcs-band");
        assertThat(score.getComponent().get(0).getValueQuantity().getValue()).isEqualByComparingTo("16");
        for (String instrument : List.of("tsk-11", "pseq")) {
            Integer[] answers = new Integer[instrument.equals("pseq") ? 10 : 11];
            Arrays.fill(answers, 2);
            Observation other = InstrumentResources.score(instrumentResult(instrument, answers));
            FhirValidation.assertValid(other);
            assertThat(other.getCode().getCodingFirstRep().getCode()).isEqualTo(instrument + "-total");
        }
    }

    @Test
    void anObservationCodeSelectsTheKindsOfRowThatCarryIt() {
        assertThat(ObservationCodes.kinds(null)).isNull();
        assertThat(ObservationCodes.kinds(List.of("http://loinc.org|44261-6,91351-7")))
                .containsExactlyInAnyOrder("phq-9", "start-back");
        assertThat(ObservationCodes.kinds(List.of("72514-3"))).containsExactly("pain");
        assertThat(ObservationCodes.kinds(List.of("pcs-total"))).containsExactly("pcs");
        assertThat(ObservationCodes.kinds(List.of(FhirCodes.TRACKING_CODES + "|mood"))).containsExactly("mood");
        assertThat(ObservationCodes.kinds(List.of("http://loinc.org|pcs-total"))).isEmpty();
        assertThat(ObservationCodes.kinds(List.of("44261-6", "70274-6"))).as("repeated: all of them").isEmpty();
    }
}
