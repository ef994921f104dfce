package org.backcare.tracking.rules;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.backcare.platform.testing.EventsTopic;
import org.backcare.platform.testing.EventsTopic.Received;
import org.backcare.platform.testing.Users;
import org.backcare.tracking.testsupport.PatientEvents;
import org.backcare.tracking.testsupport.PatientEvents.TestPatient;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.backcare.tracking.testsupport.Api.as;

/**
 * The questionnaire safety rules end to end: a PHQ-9 recorded through the API raises its alerts on tracking-events
 * in the same transaction, scores only, once per result however often the rules run for it.
 */
@QuarkusTest
class QuestionnaireAlertsTest {

    private static final String RESULTS = "/patients/{id}/questionnaires/{instrument}";

    @Inject
    RuleEngine engine;

    @Test
    void aPhq9WithItem9AboveZeroRaisesAnUrgentAlertForPsychologistsAndPhysiciansOncePerResult() {
        Users patientLogin = Users.patient();
        TestPatient patient = PatientEvents.registered(patientLogin, List.of(), "mechanical", Users.physician(),
                Users.psychologist(), Users.physicalTherapist());
        // total 14 (moderate), item 9 answered 2
        String id = as(patientLogin).body(Map.of("answers", List.of(2, 2, 1, 2, 1, 2, 1, 1, 2)))
                .post(RESULTS, patient.id(), "phq-9").then().statusCode(201).extract().path("id");

        List<Received> events = alerts(EventsTopic.eventsFor("tracking-events", patient.id().toString(), 3,
                Duration.ofSeconds(20)));
        assertThat(events).extracting(Received::type)
                .containsExactly("SelfHarmRiskReported", "PsychologicalDistressDetected");
        JsonNode urgent = events.get(0).envelope();
        assertThat(urgent.path("version").asInt()).isEqualTo(1);
        JsonNode data = urgent.path("data");
        assertThat(data.path("alert").asText()).isEqualTo("self-harm-risk");
        assertThat(data.path("priority").asText()).isEqualTo("urgent");
        JsonNode details = data.path("details");
        assertThat(details.path("audience")).extracting(JsonNode::asText).containsExactly("psychologist", "physician");
        assertThat(details.path("questionnaireId").asText()).isEqualTo(id);
        assertThat(details.path("instrument").asText()).isEqualTo("phq-9");
        assertThat(details.path("score").asInt()).isEqualTo(14);
        assertThat(details.path("band").asText()).isEqualTo("moderate");
        assertThat(details.path("itemAnswer").asInt()).isEqualTo(2);
        List<String> fields = new ArrayList<>();
        details.fieldNames().forEachRemaining(fields::add);
        assertThat(fields).as("scores only, never the answers").doesNotContain("answers");
        JsonNode distress = events.get(1).envelope().path("data");
        assertThat(distress.path("priority").asText()).isEqualTo("high");
        assertThat(distress.path("details").path("audience")).extracting(JsonNode::asText).containsExactly("psychologist");

        // Running the rules again for the same result (a retry) raises nothing more.
        UUID result = UUID.fromString(id);
        assertThat(QuarkusTransaction.requiringNew().call(() -> engine.evaluateQuestionnaire(result))).isEmpty();
        assertThat(QuarkusTransaction.requiringNew().call(() -> QuestionnaireAlert.count("questionnaireId", result)))
                .isEqualTo(2L);

        // A later result is judged on its own: item 9 again is urgent again; its total of 9 is 5 below, no distress.
        as(patientLogin).body(Map.of("answers", List.of(1, 1, 1, 1, 1, 1, 1, 1, 1)))
                .post(RESULTS, patient.id(), "phq-9").then().statusCode(201);
        List<Received> later = alerts(EventsTopic.eventsFor("tracking-events", patient.id().toString(), 6,
                Duration.ofSeconds(5)));
        assertThat(later).extracting(Received::type).containsExactly("SelfHarmRiskReported",
                "PsychologicalDistressDetected", "SelfHarmRiskReported");
    }

    /** The alert events among a patient's events (each result is also published as InstrumentCompleted). */
    private static List<Received> alerts(List<Received> events) {
        return events.stream().filter(e -> !e.type().equals("InstrumentCompleted")).toList();
    }
}
