package org.backcare.plan.note;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import org.backcare.plan.testsupport.PatientEvents;
import org.backcare.plan.testsupport.PatientEvents.TestPatient;
import org.backcare.platform.testing.EventsTopic;
import org.backcare.platform.testing.EventsTopic.Received;
import org.backcare.platform.testing.Users;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.backcare.plan.testsupport.Api.as;

/** Writing, amending and reading clinical notes; mentions reach Kafka as NoteMentioned without the note's text. */
@QuarkusTest
class NoteTest {

    static String mention(Users user) {
        return "@[" + user.name() + "](" + user.subject() + ")";
    }

    static String write(Users author, TestPatient patient, String kind, String text) {
        return as(author).body(Map.of("kind", kind, "text", text)).post("/patients/{id}/notes", patient.id())
                .then().statusCode(201).extract().path("id");
    }

    @Test
    void anAmendmentIsANewVersionAndTheOldTextStaysInTheHistory() {
        Users pt = Users.physicalTherapist();
        Users physician = Users.physician();
        TestPatient patient = PatientEvents.registered(pt, physician);
        var created = as(pt).body(Map.of("kind", "progress-note", "text", "Bird-dog 2x8, pain 4/10"))
                .post("/patients/{id}/notes", patient.id()).then().statusCode(201)
                .header("ETag", "\"1\"").extract();
        String id = created.path("id");
        assertThat(created.header("Location")).endsWith("/notes/" + id);
        assertThat(created.<String>path("authorSubject")).isEqualTo(pt.subject());
        assertThat(created.<String>path("authorDiscipline")).isEqualTo("physical-therapist");

        as(pt).body(Map.of("text", "Bird-dog 2x8, pain 3/10")).put("/notes/{id}", id).then().statusCode(428);
        as(pt).header("If-Match", "\"1\"").body(Map.of("text", "Bird-dog 2x8, pain 3/10 (corrected)"))
                .put("/notes/{id}", id).then().statusCode(200).header("ETag", "\"2\"");
        as(pt).header("If-Match", "\"1\"").body(Map.of("text", "a stale edit"))
                .put("/notes/{id}", id).then().statusCode(412);
        as(physician).header("If-Match", "\"2\"").body(Map.of("text", "not mine to change"))
                .put("/notes/{id}", id).then().statusCode(403);

        JsonPath note = as(physician).get("/notes/{id}", id).then().statusCode(200).header("ETag", "\"2\"")
                .extract().jsonPath();
        assertThat(note.getString("text")).isEqualTo("Bird-dog 2x8, pain 3/10 (corrected)");
        assertThat(note.getInt("version")).isEqualTo(2);
        JsonPath history = as(physician).get("/notes/{id}/versions", id).then().statusCode(200).extract().jsonPath();
        assertThat(history.getList("items.text")).containsExactly("Bird-dog 2x8, pain 3/10 (corrected)",
                "Bird-dog 2x8, pain 4/10");
        assertThat(history.getList("items.version", Integer.class)).containsExactly(2, 1);
    }

    @Test
    void listsAreNewestFirstFilteredByKindAndAuthorAndEveryReadIsAudited() {
        Users pt = Users.physicalTherapist();
        Users physician = Users.physician();
        TestPatient patient = PatientEvents.registered(physician, pt);
        String first = write(pt, patient, "progress-note", "first");
        String second = write(physician, patient, "handover", "second");
        String third = write(pt, patient, "handover", "third");

        assertThat(as(physician).get("/patients/{id}/notes", patient.id()).then().statusCode(200).extract()
                .jsonPath().getList("items.id")).containsExactly(third, second, first);
        assertThat(as(physician).queryParam("kind", "handover").get("/patients/{id}/notes", patient.id()).then()
                .extract().jsonPath().getList("items.id")).containsExactly(third, second);
        assertThat(as(physician).queryParam("author", pt.subject()).queryParam("size", 1)
                .get("/patients/{id}/notes", patient.id()).then().extract().jsonPath().getMap(""))
                .containsEntry("total", 2).containsEntry("totalPages", 2);
        as(physician).get("/notes/{id}", first).then().statusCode(200);
        as(physician).get("/notes/{id}/versions", first).then().statusCode(200);

        List<String> actions = as(Users.admin()).queryParam("patientId", patient.id()).queryParam("actor", physician.subject())
                .queryParam("size", 100).get("/audit-log").then().statusCode(200).extract().jsonPath().getList("items.action");
        assertThat(actions).contains("NOTE_CREATE", "NOTE_LIST", "NOTE_READ", "NOTE_VERSIONS_READ");
    }

    @Test
    void aMentionedTeamMemberIsToldThroughKafkaWithoutTheText() {
        Users pt = Users.physicalTherapist();
        Users physician = Users.physician();
        Users psychologist = Users.psychologist();
        TestPatient patient = PatientEvents.registered(physician, pt, psychologist);
        String id = write(pt, patient, "handover", "Pain up after the weekend. " + mention(physician) + " please review.");
        // Mentioning someone already mentioned does not tell them twice; a newly mentioned member is told.
        as(pt).header("If-Match", "\"1\"").body(Map.of("text", "Pain up. " + mention(physician) + " and "
                + mention(psychologist) + " please see.")).put("/notes/{id}", id).then().statusCode(200);

        List<Received> events = EventsTopic.eventsFor("plan-events", patient.id().toString(), 2, Duration.ofSeconds(30));
        assertThat(events).extracting(Received::type).containsExactly("NoteMentioned", "NoteMentioned");
        JsonNode data = events.get(0).envelope().get("data");
        assertThat(data.get("noteId").asText()).isEqualTo(id);
        assertThat(data.get("kind").asText()).isEqualTo("handover");
        assertThat(data.get("authorSubject").asText()).isEqualTo(pt.subject());
        assertThat(data.get("authorDiscipline").asText()).isEqualTo("physical-therapist");
        assertThat(data.get("mentionedSubjects")).extracting(JsonNode::asText).containsExactly(physician.subject());
        assertThat(events.get(1).envelope().get("data").get("mentionedSubjects")).extracting(JsonNode::asText)
                .containsExactly(psychologist.subject());
        for (Received event : events) {
            assertThat(event.envelope().get("version").asInt()).isEqualTo(1);
            assertThat(event.envelope().toString()).doesNotContain("Pain up");
        }
    }

    @Test
    void mentionsOfPeopleOffTheTeamOrOfNonPsychologistsInAPsychotherapyNoteAreRefused() {
        Users pt = Users.physicalTherapist();
        Users psychologist = Users.psychologist();
        Users stranger = Users.physician();
        TestPatient patient = PatientEvents.registered(pt, psychologist);
        String detail = as(pt).body(Map.of("kind", "handover", "text", "see " + mention(stranger)))
                .post("/patients/{id}/notes", patient.id()).then().statusCode(400).extract().path("detail");
        assertThat(detail).contains(stranger.subject());
        as(psychologist).body(Map.of("kind", "psychotherapy-note", "text", "see " + mention(pt)))
                .post("/patients/{id}/notes", patient.id()).then().statusCode(400);
        as(pt).body(Map.of("kind", "psychotherapy-note", "text", "a session"))
                .post("/patients/{id}/notes", patient.id()).then().statusCode(403);
        assertThat(as(psychologist).get("/patients/{id}/notes", patient.id()).then().extract().<Integer>path("total"))
                .isZero();
    }
}
