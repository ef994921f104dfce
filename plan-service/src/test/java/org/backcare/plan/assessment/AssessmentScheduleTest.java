package org.backcare.plan.assessment;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.backcare.plan.testsupport.Api;
import org.backcare.plan.testsupport.PatientEvents;
import org.backcare.plan.testsupport.PatientEvents.TestPatient;
import org.backcare.plan.testsupport.TrackingEvents;
import org.backcare.platform.testing.EventsTopic;
import org.backcare.platform.testing.EventsTopic.Received;
import org.backcare.platform.testing.Users;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

import static org.assertj.core.api.Assertions.assertThat;
import static org.backcare.plan.testsupport.Api.as;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

/**
 * The plan's assessments schedule: template defaults, validation and ownership per discipline, the due
 * questionnaires in the patient's "today", and AssessmentDue/AssessmentOverdue raised once each.
 */
@QuarkusTest
class AssessmentScheduleTest {

    @Inject
    AssessmentDueScheduler scheduler;

    @Test
    void aPlanFromATemplateSchedulesTheDefaultAssessments() {
        Users physician = Users.physician();
        TestPatient patient = PatientEvents.registered(physician);
        String plan = Api.createPlan(physician, patient.id(), "mechanical");
        as(physician).get("/plans/{id}/sections/assessments", plan).then().statusCode(200)
                .body("content.assessments.instrument", equalTo(List.of("start-back", "phq-9", "gad-7", "odi")))
                .body("content.assessments[0].atWeeks", equalTo(List.of(0, 12)))
                .body("content.assessments.findAll { it.everyWeeks == 4 }.instrument", equalTo(List.of("phq-9", "gad-7", "odi")))
                .body("content.assessments.discipline", equalTo(List.of("physical-therapist", "psychologist", "psychologist",
                        "physical-therapist")));
    }

    @Test
    void anUnknownInstrumentOrAnEntryWithoutScheduleIs400WithTheReason() {
        Users physician = Users.physician();
        TestPatient patient = PatientEvents.registered(physician);
        String plan = Api.createPlan(physician, patient.id(), "none");
        put(physician, plan, "{\"assessments\": [{\"instrument\": \"beck-depression\", \"discipline\": \"psychologist\", \"everyWeeks\": 4}]}")
                .then().statusCode(400)
                .body("detail", containsString("beck-depression"))
                .body("detail", containsString("start-back, phq-9, gad-7, pcs, tsk-11, pseq, odi"));
        put(physician, plan, "{\"assessments\": [{\"instrument\": \"phq-9\", \"discipline\": \"psychologist\"}]}")
                .then().statusCode(400).body("errors.message", hasItem("give atWeeks, everyWeeks or both"));
        put(physician, plan, "{\"assessments\": [{\"instrument\": \"phq-9\", \"discipline\": \"psychologist\", \"everyWeeks\": 0}]}")
                .then().statusCode(400);
    }

    @Test
    void eachDisciplineChangesItsOwnEntriesAPhysicianAny() {
        Users physician = Users.physician();
        Users therapist = Users.physicalTherapist();
        Users psychologist = Users.psychologist();
        TestPatient patient = PatientEvents.registered(physician, therapist, psychologist);
        String plan = Api.createPlan(physician, patient.id(), "none");
        String phq9 = "{\"instrument\": \"phq-9\", \"discipline\": \"psychologist\", \"everyWeeks\": 4}";
        String odi = "{\"instrument\": \"odi\", \"discipline\": \"physical-therapist\", \"everyWeeks\": 4}";
        put(psychologist, plan, "{\"assessments\": [" + phq9 + "]}").then().statusCode(200);
        // The physical therapist adds their own ODI, but may not drop the psychologist's PHQ-9.
        put(therapist, plan, "{\"assessments\": [" + odi + "]}").then().statusCode(403)
                .body("detail", containsString("psychologist's assessments"));
        put(therapist, plan, "{\"assessments\": [" + phq9 + ", " + odi + "]}").then().statusCode(200);
        put(physician, plan, "{\"assessments\": [" + odi + "]}").then().statusCode(200)
                .body("content.assessments.instrument", equalTo(List.of("odi")));
    }

    @Test
    void dueQuestionnairesAppearInTodayUntilDoneAndAreAnnouncedOnce() throws Exception {
        Users physician = Users.physician();
        Users patientLogin = Users.patient();
        TestPatient patient = PatientEvents.registered(patientLogin, List.of(), "mechanical", physician);
        LocalDate today = LocalDate.now();
        // Started 30 days ago: the week-4 PHQ-9, GAD-7 and ODI fell due 2 days ago (within the grace period);
        // the intake STarT Back is 30 days late.
        String plan = as(physician).body(Map.of("title", "Plan", "template", "mechanical",
                        "startDate", today.minusDays(30).toString()))
                .post("/patients/{id}/plans", patient.id()).then().statusCode(201).extract().path("id");
        Api.activate(physician, plan);
        TrackingEvents.completed(patient.id(), "gad-7", "mild", today.minusDays(1));

        as(patientLogin).get("/patients/{id}/plan/today", patient.id()).then().statusCode(200)
                .body("assessments.instrument", equalTo(List.of("start-back", "odi", "phq-9")))
                .body("assessments.overdue", equalTo(List.of(true, false, false)))
                .body("assessments[2].dueDay", equalTo(today.minusDays(2).toString()))
                .body("assessments[2].discipline", equalTo("psychologist"));

        // Two instances passing at the same moment, then another pass: each notice goes out once.
        CompletableFuture<Integer> one = CompletableFuture.supplyAsync(scheduler::raise);
        CompletableFuture<Integer> other = CompletableFuture.supplyAsync(scheduler::raise);
        one.get();
        other.get();
        scheduler.raise();

        List<Received> events = EventsTopic.eventsFor("plan-events", patient.id().toString(), 20, Duration.ofSeconds(8));
        List<Received> due = events.stream().filter(e -> e.type().equals("AssessmentDue")).toList();
        List<Received> overdue = events.stream().filter(e -> e.type().equals("AssessmentOverdue")).toList();
        assertThat(due).extracting(e -> e.envelope().at("/data/instrument").asText())
                .containsExactlyInAnyOrder("start-back", "odi", "phq-9");
        assertThat(overdue).singleElement().satisfies(e -> {
            assertThat(e.envelope().at("/data/instrument").asText()).isEqualTo("start-back");
            assertThat(e.envelope().at("/data/dueDay").asText()).isEqualTo(today.minusDays(30).toString());
            assertThat(e.envelope().at("/data/daysOverdue").asInt()).isEqualTo(30);
            assertThat(e.envelope().at("/data/discipline").asText()).isEqualTo("physical-therapist");
            assertThat(e.envelope().at("/data/planId").asText()).isEqualTo(plan);
        });
        // The data is exactly what deploy/asyncapi.yaml documents.
        assertThat(due.get(0).envelope().get("data").fieldNames()).toIterable()
                .containsExactlyInAnyOrder("planId", "instrument", "dueDay", "discipline");
        assertThat(overdue.get(0).envelope().get("data").fieldNames()).toIterable()
                .containsExactlyInAnyOrder("planId", "instrument", "dueDay", "daysOverdue", "discipline");
        Received phq9 = due.stream().filter(e -> e.envelope().at("/data/instrument").asText().equals("phq-9")).findFirst().orElseThrow();
        assertThat(phq9.envelope().at("/data/discipline").asText()).isEqualTo("psychologist");
        assertThat(phq9.envelope().at("/data/dueDay").asText()).isEqualTo(today.minusDays(2).toString());

        // Completing the PHQ-9 today takes it off the list.
        TrackingEvents.completed(patient.id(), "phq-9", "minimal", today);
        as(patientLogin).get("/patients/{id}/plan/today", patient.id()).then()
                .body("assessments.instrument", equalTo(List.of("start-back", "odi")));
    }

    private static io.restassured.response.Response put(Users user, String plan, String body) {
        return as(user).header("If-Match", Api.sectionETag(user, plan, "assessments")).body(body)
                .put("/plans/{id}/sections/assessments", plan);
    }
}
