package org.backcare.plan.template;

import io.restassured.path.json.JsonPath;
import io.quarkus.test.junit.QuarkusTest;
import org.backcare.plan.testsupport.PatientEvents;
import org.backcare.plan.testsupport.PatientEvents.TestPatient;
import org.backcare.plan.testsupport.TrackingEvents;
import org.backcare.platform.testing.Users;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.backcare.plan.testsupport.Api.as;

/**
 * Stratified care: a plan created from a template for a patient whose latest STarT Back stratum is high gets the
 * psychologically informed parts and a psychologist review, and says so; at medium (or low) risk it is the template.
 */
@QuarkusTest
class StratifiedCareTest {

    private static final LocalDate START = LocalDate.now().plusDays(7);

    @Test
    void aHighRiskPatientsPlanGetsThePsychologicallyInformedPartsAndSaysWhich() {
        Users physician = Users.physician();
        TestPatient patient = PatientEvents.registered(physician);
        TrackingEvents.completed(patient.id(), "start-back", "high", LocalDate.now());

        JsonPath plan = create(physician, patient);

        assertThat(plan.getString("riskStratum.stratum")).isEqualTo("high");
        assertThat(plan.getString("stratifiedCare.stratum")).isEqualTo("high");
        List<Map<String, String>> added = plan.getList("stratifiedCare.added");
        assertThat(added).extracting(a -> a.get("section"))
                .contains("exercises", "goals", "self-management", "assessments");
        assertThat(added).extracting(a -> a.get("item")).contains("Psychologist review of the psychosocial risk");

        // Graded exposure in the home programme, next to the template's routine.
        assertThat(plan.getList("sections.exercises.content.exercises.exercise", String.class))
                .contains("bird-dog").containsOnlyOnce("hip-hinge-lift");
        assertThat(plan.getString("sections.exercises.content.exercises.find { it.exercise == 'hip-hinge-lift' }.progressionRule"))
                .startsWith("Graded exposure");
        // Graded activity and CBT goals, and an early review owned by the psychologist.
        List<Map<String, String>> goals = plan.getList("sections.goals.content.goals");
        assertThat(goals).extracting(g -> g.get("discipline"))
                .containsExactly("physical-therapist", "psychologist", "psychologist");
        assertThat(goals.get(2).get("what")).isEqualTo("Psychologist review of the psychosocial risk");
        assertThat(goals.get(2).get("dueDate")).isEqualTo(START.plusWeeks(2).toString());
        // CBT and time-based pacing in self-management.
        assertThat(plan.getInt("sections.self-management.content.cbt.sessions")).isEqualTo(8);
        assertThat(plan.getList("sections.self-management.content.pacing.activity", String.class))
                .contains("Walk", "Sit or stand in time-based blocks");
        // Fear-avoidance and catastrophising followed up by the psychologist.
        assertThat(plan.getList("sections.assessments.content.assessments.instrument", String.class))
                .containsExactly("start-back", "phq-9", "gad-7", "odi", "pcs", "tsk-11");
    }

    @Test
    void aMediumRiskPatientsPlanIsTheTemplateUnchanged() {
        Users physician = Users.physician();
        TestPatient medium = PatientEvents.registered(physician);
        TrackingEvents.completed(medium.id(), "start-back", "high", LocalDate.now().minusWeeks(6));
        TrackingEvents.completed(medium.id(), "start-back", "medium", LocalDate.now());
        TestPatient unscreened = PatientEvents.registered(physician);

        JsonPath plan = create(physician, medium);
        JsonPath template = create(physician, unscreened);

        assertThat(plan.getString("riskStratum.stratum")).isEqualTo("medium");
        assertThat(plan.getString("stratifiedCare")).isNull();
        assertThat(template.getString("riskStratum")).isNull();
        for (String section : List.of("goals", "exercises", "medications", "self-management", "flare-up", "assessments")) {
            assertThat(plan.getMap("sections." + section + ".content"))
                    .as(section).isEqualTo(template.getMap("sections." + section + ".content"));
        }
        assertThat(plan.getList("sections.goals.content.goals")).isEmpty();
    }

    private static JsonPath create(Users physician, TestPatient patient) {
        return as(physician).body(Map.of("title", "Back to work", "template", "mechanical", "startDate", START.toString()))
                .post("/patients/{id}/plans", patient.id()).then().statusCode(201).extract().jsonPath();
    }
}
