package org.backcare.tracking.questionnaire;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.test.junit.QuarkusTest;
import org.backcare.platform.testing.EventsTopic;
import org.backcare.platform.testing.EventsTopic.Received;
import org.backcare.platform.testing.Users;
import org.backcare.tracking.testsupport.PatientEvents;
import org.backcare.tracking.testsupport.PatientEvents.TestPatient;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.backcare.tracking.testsupport.Api.as;

/**
 * Every instrument result is published as InstrumentCompleted (deploy/asyncapi.yaml) with its change from the
 * patient's previous result of the same instrument, judged by the MCID.
 */
@QuarkusTest
class InstrumentCompletedTest {

    private static final String RESULTS = "/patients/{id}/questionnaires/{instrument}";

    @Test
    void aPhq9WorseByTheMcidIsPublishedWithItsPreviousResultAndDirection() {
        Users patientLogin = Users.patient();
        TestPatient patient = PatientEvents.registered(patientLogin, List.of(), "mechanical", Users.physician());
        String first = post(patientLogin, patient, "phq-9", List.of(1, 1, 1, 1, 1, 1, 1, 1, 0)); // 8, mild
        String second = post(patientLogin, patient, "phq-9", List.of(2, 2, 2, 2, 2, 2, 1, 1, 0)); // 14, moderate

        // and the PsychologicalDistressDetected alert of the 14
        List<JsonNode> completed = completed(patient, 3, 2);
        JsonNode firstData = completed.get(0).path("data");
        assertThat(firstData.path("questionnaireId").asText()).isEqualTo(first);
        assertThat(firstData.path("score").asInt()).isEqualTo(8);
        assertThat(firstData.path("band").asText()).isEqualTo("mild");
        assertThat(firstData.has("previous")).isTrue();
        assertThat(firstData.path("previous").isNull()).as("the first result has no previous one").isTrue();
        assertThat(firstData.path("changePoints").isNull()).isTrue();
        assertThat(firstData.path("direction").isNull()).isTrue();
        assertThat(firstData.path("clinicallyImportantChange").asBoolean()).isFalse();
        assertThat(firstData.path("mcidPoints").asInt()).isEqualTo(5);

        JsonNode data = completed.get(1).path("data");
        assertThat(completed.get(1).path("version").asInt()).isEqualTo(1);
        assertThat(data.path("questionnaireId").asText()).isEqualTo(second);
        assertThat(data.path("instrument").asText()).isEqualTo("phq-9");
        assertThat(data.path("version").asText()).isEqualTo("1");
        assertThat(data.path("score").asInt()).isEqualTo(14);
        assertThat(data.path("prorated").asBoolean()).isFalse();
        assertThat(data.path("band").asText()).isEqualTo("moderate");
        assertThat(data.path("bandLabel").asText()).isEqualTo("Moderate");
        assertThat(data.path("subscales").isObject()).isTrue();
        assertThat(data.path("subscales").size()).isZero();
        assertThat(data.path("flags").isArray()).isTrue();
        assertThat(data.path("higherIsWorse").asBoolean()).isTrue();
        assertThat(data.path("previous").path("questionnaireId").asText()).isEqualTo(first);
        assertThat(data.path("previous").path("score").asInt()).isEqualTo(8);
        assertThat(data.path("previous").path("day").asText()).isEqualTo(data.path("day").asText());
        assertThat(data.path("changePoints").asInt()).isEqualTo(6);
        assertThat(data.path("mcidPoints").asInt()).isEqualTo(5);
        assertThat(data.path("clinicallyImportantChange").asBoolean()).isTrue();
        assertThat(data.path("direction").asText()).isEqualTo("worse");
        assertThat(data.has("answers")).as("scores only, never the answers").isFalse();
    }

    @Test
    void aStartBackCarriesItsStratumAndSubscaleAndAPseqGoingUpIsBetter() {
        Users patientLogin = Users.patient();
        TestPatient patient = PatientEvents.registered(patientLogin, List.of(), "mechanical", Users.physician());
        post(patientLogin, patient, "start-back", List.of(1, 1, 1, 0, 1, 1, 1, 1, 1)); // 7, psychosocial 4: high
        post(patientLogin, patient, "pseq", List.of(3, 3, 3, 3, 3, 3, 3, 3, 3, 3)); // 30
        post(patientLogin, patient, "pseq", List.of(4, 4, 4, 4, 4, 4, 3, 3, 3, 3)); // 36: +6 reaches 5.5

        List<JsonNode> completed = completed(patient, 3, 3);
        JsonNode startBack = completed.get(0).path("data");
        assertThat(startBack.path("instrument").asText()).isEqualTo("start-back");
        assertThat(startBack.path("band").asText()).isEqualTo("high");
        assertThat(startBack.path("bandLabel").asText()).isEqualTo("High risk");
        assertThat(startBack.path("subscales").path("psychosocial").asInt()).isEqualTo(4);
        assertThat(startBack.path("mcidPoints").isNull()).isTrue();

        JsonNode pseq = completed.get(2).path("data");
        assertThat(pseq.path("higherIsWorse").asBoolean()).isFalse();
        assertThat(pseq.path("changePoints").asInt()).isEqualTo(6);
        assertThat(pseq.path("mcidPoints").decimalValue()).isEqualByComparingTo("5.5");
        assertThat(pseq.path("clinicallyImportantChange").asBoolean()).isTrue();
        assertThat(pseq.path("direction").asText()).isEqualTo("better");
    }

    private static String post(Users user, TestPatient patient, String instrument, List<Integer> answers) {
        return as(user).body(Map.of("answers", answers)).post(RESULTS, patient.id(), instrument).then().statusCode(201)
                .extract().path("id");
    }

    /** The patient's InstrumentCompleted envelopes in order, once {@code all} events of the patient have arrived. */
    private static List<JsonNode> completed(TestPatient patient, int all, int count) {
        List<JsonNode> found = EventsTopic.eventsFor("tracking-events", patient.id().toString(), all,
                Duration.ofSeconds(20)).stream().filter(e -> e.type().equals("InstrumentCompleted"))
                .map(Received::envelope).toList();
        assertThat(found).hasSize(count);
        return found;
    }
}
