package org.backcare.patient.outbox;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.test.junit.QuarkusTest;
import org.backcare.patient.testsupport.Api;
import org.backcare.platform.testing.KafkaOutage;
import org.backcare.platform.testing.EventsTopic;
import org.backcare.platform.testing.EventsTopic.Received;
import org.backcare.platform.testing.Users;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.backcare.patient.testsupport.Api.as;
import static org.backcare.patient.testsupport.Api.registerPatientFor;

/** The outbox delivers every event type to Kafka, in order, in the documented envelope, even across an outage. */
@QuarkusTest
class PatientEventsTest {

    @Test
    void everyEventTypeReachesKafkaInOrderWithTheDocumentedEnvelope() {
        Users physician = Users.physician();
        Users patient = Users.patient();
        Users therapist = Users.physicalTherapist();
        String id = registerPatientFor(physician, patient);
        Api.addToCareTeam(physician, id, therapist);
        as(physician).contentType("application/merge-patch+json").header("If-Match", "\"1\"")
                .body("{\"comorbidities\": [\"gi-ulcer-or-bleed\"]}").patch("/patients/{id}", id).then().statusCode(200);
        as(physician).body(Api.screening("fever", "historyOfCancer")).post("/patients/{id}/red-flag-screenings", id)
                .then().statusCode(201);
        as(physician).body(Map.of("note", "Examined; infection ruled out"))
                .post("/patients/{id}/urgent-review/resolution", id).then().statusCode(200);
        as(physician).delete("/patients/{id}/care-team/{subject}", id, therapist.subject()).then().statusCode(204);
        as(physician).body(Map.of("reason", "Goals met")).post("/patients/{id}/discharge", id).then().statusCode(200);

        List<Received> events = EventsTopic.eventsFor("patient-events", id, 8, Duration.ofSeconds(30));

        assertThat(events).extracting(Received::type).containsExactly(
                "PatientRegistered", "CareTeamMemberAdded", "PatientUpdated", "RedFlagRaised",
                "UrgentReviewResolved", "CareTeamMemberRemoved", "PatientDischarged");
        for (Received event : events) {
            JsonNode e = event.envelope();
            assertThat(event.key()).isEqualTo(id);
            assertThat(UUID.fromString(e.get("id").asText())).isNotNull();
            assertThat(e.get("version").asInt()).isEqualTo(1);
            assertThat(e.get("patientId").asText()).isEqualTo(id);
            assertThat(e.get("source").asText()).isEqualTo("patient-service");
            assertThat(Instant.parse(e.get("occurredAt").asText())).isBefore(Instant.now().plusSeconds(1));
            assertThat(e.get("data").isObject()).isTrue();
        }
        assertThat(events).extracting(r -> r.envelope().get("id").asText()).doesNotHaveDuplicates();

        JsonNode registered = events.get(0).envelope().get("data");
        assertThat(registered.get("oidcSubject").asText()).isEqualTo(patient.subject());
        assertThat(registered.get("comorbidities").toString()).isEqualTo("[\"kidney-disease\"]");
        assertThat(registered.get("careTeam").get(0).get("role").asText()).isEqualTo("physician");

        JsonNode added = events.get(1).envelope().get("data");
        assertThat(added.get("member").get("subject").asText()).isEqualTo(therapist.subject());
        assertThat(added.get("member").get("role").asText()).isEqualTo("physical-therapist");
        assertThat(added.get("careTeam")).hasSize(2);

        assertThat(events.get(2).envelope().get("data").get("comorbidities").toString())
                .isEqualTo("[\"gi-ulcer-or-bleed\"]");

        JsonNode redFlag = events.get(3).envelope().get("data");
        assertThat(redFlag.get("priority").asText()).isEqualTo("urgent");
        assertThat(redFlag.get("findings").findValuesAsText("redFlag")).containsExactly("fever", "history-of-cancer");

        assertThat(events.get(5).envelope().get("data").get("careTeam")).hasSize(1);
        assertThat(events.get(6).envelope().get("data").get("reason").asText()).isEqualTo("Goals met");
    }

    @Test
    void aNegativeScreeningRaisesNoRedFlag() {
        Users physician = Users.physician();
        String id = Api.registerPatient(physician);
        as(physician).body(Api.screening()).post("/patients/{id}/red-flag-screenings", id).then().statusCode(201);
        as(physician).body(Map.of("reason", "done")).post("/patients/{id}/discharge", id).then().statusCode(200);

        assertThat(EventsTopic.eventsFor("patient-events", id, 2, Duration.ofSeconds(30))).extracting(Received::type)
                .containsExactly("PatientRegistered", "PatientDischarged");
    }

    @Test
    void eventsWrittenWhileKafkaIsDownAreDeliveredWhenItIsBack() {
        Users physician = Users.physician();
        KafkaOutage.stopBroker();
        String id;
        try {
            // The API keeps working: the change and its event commit together in PostgreSQL.
            id = Api.registerPatient(physician);
            as(physician).body(Api.screening("newLegWeaknessOrProgressiveNumbness"))
                    .post("/patients/{id}/red-flag-screenings", id).then().statusCode(201);
        } finally {
            KafkaOutage.startBroker();
        }
        assertThat(EventsTopic.eventsFor("patient-events", id, 2, Duration.ofSeconds(60))).extracting(Received::type)
                .containsExactly("PatientRegistered", "RedFlagRaised");
    }
}
