package org.backcare.plan.assessment;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkus.test.junit.QuarkusTest;
import org.backcare.plan.testsupport.Api;
import org.backcare.plan.testsupport.Awaiting;
import org.backcare.plan.testsupport.PatientEvents;
import org.backcare.plan.testsupport.PatientEvents.TestPatient;
import org.backcare.plan.testsupport.TrackingEvents;
import org.backcare.platform.testing.AsyncApiExamples;
import org.backcare.platform.testing.Users;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.LocalDate;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.backcare.plan.testsupport.Api.as;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

/**
 * The consumer side of the tracking-events contract (deploy/asyncapi.yaml): InstrumentCompleted and the ODI's
 * QuestionnaireCompleted, shaped exactly as documented, become the patient's completed assessments; the latest
 * STarT Back stratum shows on the plan; a redelivered event changes nothing; other types are ignored.
 */
@QuarkusTest
class TrackingEventsContractTest {

    @Test
    void theDocumentedInstrumentCompletedExampleSetsTheRiskStratumOnThePlan() {
        Users physician = Users.physician();
        TestPatient patient = PatientEvents.registered(physician);
        String plan = Api.createPlan(physician, patient.id(), "mechanical");
        as(physician).get("/plans/{id}", plan).then().statusCode(200).body("riskStratum", nullValue());

        // The documented example (deploy/asyncapi.yaml), with fresh ids.
        UUID questionnaireId = UUID.randomUUID();
        ObjectNode envelope = AsyncApiExamples.example("InstrumentCompleted", "a first STarT Back, high risk");
        envelope.put("id", UUID.randomUUID().toString()).put("patientId", patient.id().toString());
        ((ObjectNode) envelope.get("data")).put("questionnaireId", questionnaireId.toString());
        String example = envelope.toString();
        String documentedDay = envelope.get("data").get("day").asText();
        TrackingEvents.send(patient.id(), example);
        TrackingEvents.awaitRecorded(questionnaireId);

        as(physician).get("/plans/{id}", plan).then().statusCode(200)
                .body("riskStratum.instrument", equalTo("start-back"))
                .body("riskStratum.stratum", equalTo("high"))
                .body("riskStratum.day", equalTo(documentedDay))
                .body("riskStratum.questionnaireId", equalTo(questionnaireId.toString()));
    }

    @Test
    void theLatestStartBackWinsAndOtherInstrumentsLeaveTheStratumAlone() {
        Users physician = Users.physician();
        TestPatient patient = PatientEvents.registered(physician);
        String plan = Api.createPlan(physician, patient.id(), "mechanical");
        LocalDate today = LocalDate.now();
        TrackingEvents.completed(patient.id(), "start-back", "high", today.minusWeeks(12));
        TrackingEvents.completed(patient.id(), "start-back", "medium", today);
        TrackingEvents.completed(patient.id(), "phq-9", "moderate", today);
        as(physician).get("/plans/{id}", plan).then().body("riskStratum.stratum", equalTo("medium"))
                .body("riskStratum.day", equalTo(today.toString()));
    }

    @Test
    void theOdiQuestionnaireCompletedIsRecordedOnTheDayItOccurred() {
        Users physician = Users.physician();
        TestPatient patient = PatientEvents.registered(physician);
        UUID questionnaireId = UUID.randomUUID();
        TrackingEvents.send(patient.id(), """
                {"id": "%s", "type": "QuestionnaireCompleted", "version": 1, "occurredAt": "2026-12-03T10:00:00Z",
                 "source": "tracking-service", "patientId": "%s",
                 "data": {"questionnaireId": "%s", "kind": "odi", "score": 34, "baselineScore": 42, "change": -8,
                          "clinicallyImportantChange": false}}""".formatted(UUID.randomUUID(), patient.id(), questionnaireId));
        TrackingEvents.awaitRecorded(questionnaireId);
        CompletedAssessment odi = TrackingEvents.recorded(questionnaireId);
        assertThat(odi.instrument).isEqualTo("odi");
        assertThat(odi.day).isEqualTo(LocalDate.of(2026, 12, 3));
        assertThat(odi.patientId).isEqualTo(patient.id());
    }

    @Test
    void aRedeliveredEventChangesNothingAndUnusableOnesDoNotBlockTheTopic() {
        Users physician = Users.physician();
        TestPatient patient = PatientEvents.registered(physician);
        String plan = Api.createPlan(physician, patient.id(), "mechanical");
        UUID eventId = UUID.randomUUID();
        UUID first = UUID.randomUUID();
        LocalDate today = LocalDate.now();
        TrackingEvents.send(patient.id(), TrackingEvents.instrumentCompleted(eventId, patient.id(), first, "start-back",
                "high", today.minusDays(1)));
        TrackingEvents.awaitRecorded(first);
        TrackingEvents.completed(patient.id(), "start-back", "low", today);

        // The first event again (same id): the stratum stays at the later result.
        TrackingEvents.send(patient.id(), TrackingEvents.instrumentCompleted(eventId, patient.id(), UUID.randomUUID(),
                "start-back", "high", today.plusDays(1)));
        // Unreadable, of a future version, of a type plan-service does not use: skipped.
        TrackingEvents.send(patient.id(), "{not json");
        UUID future = UUID.randomUUID();
        TrackingEvents.send(patient.id(), TrackingEvents.instrumentCompleted(UUID.randomUUID(), patient.id(), future,
                "start-back", "high", today.plusDays(1)).replace("\"version\": 1", "\"version\": 2"));
        TrackingEvents.send(patient.id(), """
                {"id": "%s", "type": "CheckInRecorded", "version": 1, "occurredAt": "2026-12-07T08:00:00Z",
                 "source": "tracking-service", "patientId": "%s", "data": {"day": "2026-12-07", "pain": 4}}"""
                .formatted(UUID.randomUUID(), patient.id()));
        // A later event of the same patient is applied: everything before it has been handled.
        UUID marker = TrackingEvents.completed(patient.id(), "gad-7", "mild", today);
        assertThat(TrackingEvents.recorded(marker)).isNotNull();
        assertThat(TrackingEvents.recorded(future)).isNull();
        Awaiting.until(() -> "low".equals(as(physician).get("/plans/{id}", plan).path("riskStratum.stratum")),
                Duration.ofSeconds(5), "stratum stays low");
    }
}
