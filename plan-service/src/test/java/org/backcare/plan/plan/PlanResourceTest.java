package org.backcare.plan.plan;

import io.quarkus.test.junit.QuarkusTest;
import org.backcare.plan.testsupport.Api;
import org.backcare.plan.testsupport.PatientEvents;
import org.backcare.plan.testsupport.PatientEvents.TestPatient;
import org.backcare.platform.testing.Users;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import static org.backcare.plan.testsupport.Api.as;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThan;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

@QuarkusTest
class PlanResourceTest {

    @Test
    void clinicianCreatesADraftPlanFromTheMechanicalTemplate() {
        Users therapist = Users.physicalTherapist();
        TestPatient patient = PatientEvents.registered(therapist);
        as(therapist).body(Map.of("title", "Back to gardening", "template", "mechanical"))
                .post("/patients/{id}/plans", patient.id()).then().statusCode(201)
                .header("Location", containsString("/plans/"))
                .body("status", equalTo("draft"))
                .body("template", equalTo("mechanical"))
                .body("revision", equalTo(1))
                .body("reviewIntervalWeeks", equalTo(4))
                .body("reviewDate", equalTo(LocalDate.now().plusWeeks(4).toString()))
                .body("nextStatuses", hasItem("active"))
                // The seeds' 15-minute daily home routine plus walking and lifting practice.
                .body("sections.exercises.content.exercises.exercise", hasItem("bird-dog"))
                .body("sections.exercises.content.exercises.findAll { it.dose.sessionsPerWeek == 7 }.dose.minutes.sum()", equalTo(15))
                .body("sections.self-management.content.pacing[0].minutes", equalTo(12))
                .body("sections.self-management.content.pacing[0].frequency", equalTo("every-other-day"))
                .body("sections.flare-up.content.steps.action", equalTo(List.of("relative-rest", "heat", "staple-exercises", "call")))
                .body("sections.medications.content.medications", hasSize(0))
                .body("sections.medications.content.notes", containsString("Physical therapy leads"))
                .body("sections.medications.editableBy", equalTo("a physician"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"inflammatory", "radicular", "complex"})
    void everyPainTypeHasItsTemplate(String painType) {
        Users physician = Users.physician();
        TestPatient patient = PatientEvents.registered(Users.patient(), List.of(), painType, physician);
        // Without a template in the request, the patient's classified pain type chooses it.
        var plan = as(physician).body(Map.of("title", "Plan")).post("/patients/{id}/plans", patient.id()).then()
                .statusCode(201).body("template", equalTo(painType)).extract().jsonPath();
        switch (painType) {
            case "inflammatory" -> org.assertj.core.api.Assertions.assertThat(
                    plan.getList("sections.exercises.content.exercises.exercise")).contains("knee-to-chest", "swimming");
            case "radicular" -> org.assertj.core.api.Assertions.assertThat(
                    plan.getString("sections.medications.content.notes")).contains("gabapentin");
            default -> org.assertj.core.api.Assertions.assertThat(
                    plan.getInt("sections.self-management.content.cbt.sessions")).isEqualTo(8);
        }
    }

    @Test
    void templateNoneGivesEmptySections() {
        Users physician = Users.physician();
        TestPatient patient = PatientEvents.registered(physician);
        as(physician).body(Map.of("title", "Blank", "template", "none")).post("/patients/{id}/plans", patient.id())
                .then().statusCode(201)
                .body("sections.exercises.content.exercises", hasSize(0))
                .body("sections.flare-up.content.steps", hasSize(0));
    }

    @Test
    void aPatientHasOneOpenPlanAtATime() {
        Users physician = Users.physician();
        TestPatient patient = PatientEvents.registered(physician);
        String first = Api.createPlan(physician, patient.id(), "mechanical");
        as(physician).body(Map.of("title", "Second")).post("/patients/{id}/plans", patient.id()).then().statusCode(409);
        as(physician).body(Map.of("status", "discontinued", "reason", "restart")).post("/plans/{id}/status", first)
                .then().statusCode(200);
        Api.createPlan(physician, patient.id(), "none");
        as(physician).get("/patients/{id}/plans", patient.id()).then().statusCode(200).body("total", equalTo(2));
    }

    @Test
    void lifecycleAllowsOnlyTheDocumentedMoves() {
        Users physician = Users.physician();
        TestPatient patient = PatientEvents.registered(physician);
        String plan = Api.createPlan(physician, patient.id(), "mechanical");
        as(physician).body(Map.of("status", "on-hold")).post("/plans/{id}/status", plan).then().statusCode(409)
                .body("detail", containsString("allowed next"));
        as(physician).body(Map.of("status", "active")).post("/plans/{id}/status", plan).then().statusCode(200)
                .body("status", equalTo("active"))
                .body("startDate", equalTo(LocalDate.now().toString()))
                .body("reviewDate", equalTo(LocalDate.now().plusWeeks(4).toString()));
        as(physician).body(Map.of("status", "on-hold")).post("/plans/{id}/status", plan).then().statusCode(200);
        as(physician).body(Map.of("status", "completed")).post("/plans/{id}/status", plan).then().statusCode(409);
        as(physician).body(Map.of("status", "active")).post("/plans/{id}/status", plan).then().statusCode(200);
        as(physician).body(Map.of("status", "completed")).post("/plans/{id}/status", plan).then().statusCode(200)
                .body("nextStatuses", hasSize(0));
        as(physician).body(Map.of("status", "active")).post("/plans/{id}/status", plan).then().statusCode(409);
        as(physician).body(Map.of("status", "paused")).post("/plans/{id}/status", plan).then().statusCode(400);
    }

    @Test
    void planFieldsNeedIfMatchAndOverdueReviewsAreVisible() {
        Users physician = Users.physician();
        TestPatient patient = PatientEvents.registered(physician);
        String plan = Api.createPlan(physician, patient.id(), "mechanical");
        Map<String, Object> update = Map.of("title", "Renamed", "reviewDate", LocalDate.now().minusDays(1).toString(),
                "reviewIntervalWeeks", 6);
        as(physician).body(update).put("/plans/{id}", plan).then().statusCode(428);
        String etag = as(physician).get("/plans/{id}", plan).then().statusCode(200).extract().header("ETag");
        as(physician).header("If-Match", etag).body(update).put("/plans/{id}", plan).then().statusCode(200)
                .body("title", equalTo("Renamed"))
                .body("reviewOverdue", equalTo(true));
        as(physician).header("If-Match", etag).body(update).put("/plans/{id}", plan).then().statusCode(412);
        as(physician).queryParam("reviewOverdue", true).get("/plans").then().statusCode(200)
                .body("total", equalTo(1)).body("items[0].id", equalTo(plan));
        as(Users.physician()).queryParam("reviewOverdue", true).get("/plans").then().body("total", equalTo(0));
    }

    @Test
    void everyChangeIsARevisionWithWhoWhenWhat() {
        Users physician = Users.physician();
        TestPatient patient = PatientEvents.registered(physician);
        String plan = Api.createPlan(physician, patient.id(), "mechanical");
        Api.activate(physician, plan);
        as(physician).get("/plans/{id}/revisions", plan).then().statusCode(200)
                .body("total", equalTo(2))
                .body("items[0].revision", equalTo(2))
                .body("items[0].summary", equalTo("status draft -> active"))
                .body("items[0].changedBy", equalTo(physician.subject()))
                .body("items[0].plan", nullValue());
        as(physician).get("/plans/{id}/revisions/1", plan).then().statusCode(200)
                .body("plan.status", equalTo("draft"))
                .body("plan.sections.exercises.content.exercises.size()", greaterThan(4));
        as(physician).get("/plans/{id}/revisions/9", plan).then().statusCode(404);
        as(physician).get("/plans/{id}/revisions/x", plan).then().statusCode(400);
    }

    @Test
    void thePatientSeesTodaysTasksOfTheActivePlan() {
        Users physician = Users.physician();
        Users patientLogin = Users.patient();
        TestPatient patient = PatientEvents.registered(patientLogin, List.of(), "mechanical", physician);
        String plan = Api.createPlan(physician, patient.id(), "mechanical");
        as(patientLogin).get("/patients/{id}/plan/today", patient.id()).then().statusCode(404);
        Api.activate(physician, plan);
        as(patientLogin).get("/patients/{id}/plan/today", patient.id()).then().statusCode(200)
                .body("date", equalTo(LocalDate.now().toString()))
                .body("exercises.exercise", hasItem("bird-dog"))
                .body("exercises.find { it.exercise == 'bird-dog' }.instructions", containsString("hands and knees"));
        // A section read and sent back unchanged is accepted: what the API writes, it reads.
        var exercises = as(physician).get("/plans/{id}/sections/exercises", plan).then().extract();
        as(physician).header("If-Match", exercises.header("ETag")).body(exercises.jsonPath().getMap("content"))
                .put("/plans/{id}/sections/exercises", plan).then().statusCode(200);
        as(Users.patient()).get("/patients/{id}/plan/today", patient.id()).then().statusCode(404);
    }

    @Test
    void catalogueAndFormularyAreServed() {
        as(Users.patient()).get("/exercise-catalogue").then().statusCode(200)
                .body("code", hasItem("bird-dog")).body("find { it.code == 'walking' }.category", equalTo("aerobic"));
        as(Users.physician()).get("/formulary").then().statusCode(200)
                .body("", hasSize(12))
                .body("find { it.code == 'tramadol' }.drugClass", equalTo("opioid"))
                .body("find { it.code == 'ibuprofen' }.maxDailyDose", notNullValue());
    }
}
