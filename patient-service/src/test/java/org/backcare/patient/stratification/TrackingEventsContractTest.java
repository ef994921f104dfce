package org.backcare.patient.stratification;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkus.test.junit.QuarkusTest;
import org.backcare.patient.testsupport.Api;
import org.backcare.platform.testing.AsyncApiExamples;
import org.backcare.platform.testing.Awaiting;
import org.backcare.platform.testing.EventsTopic;
import org.backcare.platform.testing.EventsTopic.Received;
import org.backcare.platform.testing.PatientEventFixtures;
import org.backcare.platform.testing.Users;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.backcare.patient.testsupport.Api.as;

/**
 * The consumer side of the tracking-events contract: the InstrumentCompleted examples of deploy/asyncapi.yaml, as
 * documented (fresh ids only), are read by this service; an unreadable or future-version event does not block the
 * ones after it.
 */
@QuarkusTest
class TrackingEventsContractTest {

    @Test
    void theDocumentedStartBackExampleSetsTheStratumAndThePhq9ExampleIsPassedOver() {
        Users physician = Users.physician();
        String id = Api.registerPatient(physician);
        ObjectNode phq9 = example("a PHQ-9 worse by the MCID", id);
        ObjectNode future = example("a first STarT Back, high risk", id).put("version", 2);
        ObjectNode startBack = example("a first STarT Back, high risk", id);
        String questionnaireId = startBack.path("data").path("questionnaireId").asText();

        PatientEventFixtures.sendTo("tracking-events", phq9);
        PatientEventFixtures.send("tracking-events", id, "{not json");
        PatientEventFixtures.sendTo("tracking-events", future);
        PatientEventFixtures.sendTo("tracking-events", startBack);

        Awaiting.until(() -> questionnaireId.equals(riskStratum(physician, id).path("questionnaireId").asText(null)),
                Duration.ofSeconds(30), "the example's stratum stored");
        JsonNode stratum = riskStratum(physician, id);
        assertThat(stratum.path("stratum").asText()).isEqualTo("high");
        assertThat(stratum.path("day").asText()).isEqualTo(startBack.path("data").path("day").asText());
        assertThat(EventsTopic.eventsFor("patient-events", id, 4, Duration.ofSeconds(5))).extracting(Received::type)
                .containsExactly("PatientRegistered", "PatientUpdated", "PsychologyReferralNeeded");
    }

    /** A documented example, with fresh event and result ids, for this patient. */
    private static ObjectNode example(String name, String patientId) {
        ObjectNode envelope = AsyncApiExamples.example("InstrumentCompleted", name);
        envelope.put("id", UUID.randomUUID().toString()).put("patientId", patientId);
        ((ObjectNode) envelope.get("data")).put("questionnaireId", UUID.randomUUID().toString());
        return envelope;
    }

    private static JsonNode riskStratum(Users user, String id) {
        return as(user).get("/patients/{id}", id).then().statusCode(200).extract().as(JsonNode.class).path("riskStratum");
    }
}
