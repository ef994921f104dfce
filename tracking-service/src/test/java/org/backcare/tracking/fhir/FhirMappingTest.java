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
}
