package org.backcare.patient.stratification;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkus.test.junit.QuarkusTest;
import org.backcare.patient.testsupport.Api;
import org.backcare.platform.testing.Awaiting;
import org.backcare.platform.testing.EventsTopic;
import org.backcare.platform.testing.EventsTopic.Received;
import org.backcare.platform.testing.PatientEventFixtures;
import org.backcare.platform.testing.Users;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.backcare.patient.testsupport.Api.as;

/**
 * The STarT Back stratum reaches the patient record from tracking-events, through the real Kafka consumer, and a
 * high-risk patient without a psychologist on the team is referred once per episode.
 */
@QuarkusTest
class StratificationTest {

    private final LocalDate today = LocalDate.now();

    @Test
    void aHighRiskPatientWithoutAPsychologistIsReferredOncePerEpisode() {
        Users physician = Users.physician();
        Users psychologist = Users.psychologist();
        String id = Api.registerPatient(physician);
        assertThat(stratum(physician, id).isNull()).as("no stratum before a first STarT Back").isTrue();

        UUID firstResult = UUID.randomUUID();
        ObjectNode high = instrumentCompleted(id, firstResult, today, "high");
        PatientEventFixtures.sendTo("tracking-events", high);
        awaitResult(physician, id, firstResult);
        JsonNode shown = stratum(physician, id);
        assertThat(shown.path("instrument").asText()).isEqualTo("start-back");
        assertThat(shown.path("stratum").asText()).isEqualTo("high");
        assertThat(shown.path("day").asText()).isEqualTo(today.toString());

        // The same event again, and a newer high result: still one episode, and the stratum did not change.
        PatientEventFixtures.sendTo("tracking-events", high);
        UUID secondHigh = UUID.randomUUID();
        PatientEventFixtures.sendTo("tracking-events", instrumentCompleted(id, secondHigh, today, "high"));
        awaitResult(physician, id, secondHigh);

        // A psychologist joining ends the episode; leaving while the patient is still high risk starts a new one.
        Api.addToCareTeam(physician, id, psychologist);
        as(physician).delete("/patients/{id}/care-team/{subject}", id, psychologist.subject()).then().statusCode(204);

        // A result older than the stored one is ignored; a newer medium ends the episode, a high one starts the next.
        PatientEventFixtures.sendTo("tracking-events", instrumentCompleted(id, UUID.randomUUID(), today.minusDays(3), "low"));
        UUID medium = UUID.randomUUID();
        PatientEventFixtures.sendTo("tracking-events", instrumentCompleted(id, medium, today, "medium"));
        awaitResult(physician, id, medium);
        assertThat(stratum(physician, id).path("stratum").asText()).isEqualTo("medium");
        UUID highAgain = UUID.randomUUID();
        PatientEventFixtures.sendTo("tracking-events", instrumentCompleted(id, highAgain, today, "high"));
        awaitResult(physician, id, highAgain);

        List<Received> events = EventsTopic.eventsFor("patient-events", id, 10, Duration.ofSeconds(15));
        assertThat(events).extracting(Received::type).containsExactly("PatientRegistered",
                "PatientUpdated", "PsychologyReferralNeeded",
                "CareTeamMemberAdded", "CareTeamMemberRemoved", "PsychologyReferralNeeded",
                "PatientUpdated", "PatientUpdated", "PsychologyReferralNeeded");

        JsonNode updated = events.get(1).envelope().path("data");
        assertThat(updated.path("riskStratum").path("stratum").asText()).isEqualTo("high");
        assertThat(updated.path("riskStratum").path("questionnaireId").asText()).isEqualTo(firstResult.toString());
        assertThat(events.get(0).envelope().path("data").path("riskStratum").isNull()).isTrue();

        JsonNode referral = events.get(2).envelope().path("data");
        assertThat(referral.path("questionnaireId").asText()).isEqualTo(firstResult.toString());
        assertThat(referral.path("day").asText()).isEqualTo(today.toString());
        assertThat(referral.path("stratum").asText()).isEqualTo("high");
        assertThat(referral.path("message").asText())
                .isEqualTo("STarT Back high risk and no psychologist on the care team: consider a referral");
        assertThat(referral.path("audience")).extracting(JsonNode::asText).containsExactly("physician");
        assertThat(Instant.parse(referral.path("raisedAt").asText())).isBefore(Instant.now().plusSeconds(1));
        assertThat(events.get(5).envelope().path("data").path("questionnaireId").asText()).isEqualTo(secondHigh.toString());
        assertThat(events.get(6).envelope().path("data").path("riskStratum").path("stratum").asText()).isEqualTo("medium");
        assertThat(events.get(8).envelope().path("data").path("questionnaireId").asText()).isEqualTo(highAgain.toString());
    }

    @Test
    void aHighRiskPatientWithAPsychologistIsNotReferredAndOtherResultsChangeNothing() {
        Users physician = Users.physician();
        String id = Api.registerPatient(physician);
        Api.addToCareTeam(physician, id, Users.psychologist());
        PatientEventFixtures.sendTo("tracking-events", phq9(id));
        UUID result = UUID.randomUUID();
        PatientEventFixtures.sendTo("tracking-events", instrumentCompleted(id, result, today, "high"));
        awaitResult(physician, id, result);

        assertThat(EventsTopic.eventsFor("patient-events", id, 4, Duration.ofSeconds(5))).extracting(Received::type)
                .containsExactly("PatientRegistered", "CareTeamMemberAdded", "PatientUpdated");
    }

    /** InstrumentCompleted of a STarT Back result as tracking-service publishes it (deploy/asyncapi.yaml). */
    static ObjectNode instrumentCompleted(String patientId, UUID questionnaireId, LocalDate day, String stratum) {
        ObjectNode envelope = PatientEventFixtures.envelope(UUID.randomUUID(), "InstrumentCompleted",
                UUID.fromString(patientId), null).put("source", "tracking-service");
        ObjectNode data = envelope.putObject("data").put("questionnaireId", questionnaireId.toString())
                .put("instrument", "start-back").put("version", "1").put("day", day.toString())
                .put("score", stratum.equals("low") ? 2 : 6).put("prorated", false).put("band", stratum)
                .put("bandLabel", stratum.substring(0, 1).toUpperCase() + stratum.substring(1) + " risk")
                .put("higherIsWorse", true).putNull("previous").putNull("changePoints").putNull("mcidPoints")
                .put("clinicallyImportantChange", false).putNull("direction");
        data.putObject("subscales").put("psychosocial", stratum.equals("high") ? 4 : 1);
        data.putArray("flags");
        return envelope;
    }

    private static ObjectNode phq9(String patientId) {
        ObjectNode envelope = instrumentCompleted(patientId, UUID.randomUUID(), LocalDate.now(), "high");
        ((ObjectNode) envelope.get("data")).put("instrument", "phq-9").put("band", "severe").put("score", 22)
                .putObject("subscales");
        return envelope;
    }

    private static JsonNode stratum(Users user, String id) {
        return as(user).get("/patients/{id}", id).then().statusCode(200).extract().as(JsonNode.class).path("riskStratum");
    }

    private static void awaitResult(Users user, String id, UUID questionnaireId) {
        Awaiting.until(() -> Objects.equals(stratum(user, id).path("questionnaireId").asText(null),
                questionnaireId.toString()), Duration.ofSeconds(30), "STarT Back result " + questionnaireId + " stored");
    }
}
