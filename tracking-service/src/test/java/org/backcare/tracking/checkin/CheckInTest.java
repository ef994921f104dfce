package org.backcare.tracking.checkin;

import io.quarkus.test.junit.QuarkusTest;
import org.backcare.tracking.testsupport.Api;
import org.backcare.tracking.testsupport.PatientEvents;
import org.backcare.tracking.testsupport.PatientEvents.TestPatient;
import org.backcare.platform.testing.Users;
import org.junit.jupiter.api.Test;
import org.backcare.tracking.testsupport.Awaiting;

import jakarta.inject.Inject;
import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.backcare.tracking.testsupport.Api.as;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

@QuarkusTest
class CheckInTest {

    @Inject
    DataSource dataSource;

    private static final LocalDate TODAY = LocalDate.now();

    @Test
    void thePatientChecksInOncePerDayAndUpdatesWithIfMatch() {
        Users patientLogin = Users.patient();
        TestPatient patient = PatientEvents.registered(patientLogin, List.of(), "mechanical", Users.physician());
        Map<String, Object> body = Api.checkIn(5);
        as(patientLogin).body(body).put("/patients/{id}/check-ins/{day}", patient.id(), TODAY.toString()).then()
                .statusCode(201).header("ETag", equalTo("\"0\""))
                .body("pain", equalTo(5)).body("triggers", equalTo(List.of("sitting")));
        body.put("pain", 6);
        as(patientLogin).body(body).put("/patients/{id}/check-ins/{day}", patient.id(), TODAY.toString()).then()
                .statusCode(428);
        as(patientLogin).header("If-Match", "\"0\"").body(body)
                .put("/patients/{id}/check-ins/{day}", patient.id(), TODAY.toString()).then().statusCode(200)
                .body("pain", equalTo(6)).header("ETag", equalTo("\"1\""));
        as(patientLogin).header("If-Match", "\"0\"").body(body)
                .put("/patients/{id}/check-ins/{day}", patient.id(), TODAY.toString()).then().statusCode(412);
        as(patientLogin).get("/patients/{id}/check-ins", patient.id()).then().statusCode(200).body("total", equalTo(1));
        // A client that holds the current version gets 304 and no body; one holding the old version gets the day.
        as(patientLogin).header("If-None-Match", "\"1\"").get("/patients/{id}/check-ins/{day}", patient.id(), TODAY.toString())
                .then().statusCode(304).header("ETag", equalTo("\"1\"")).body(equalTo(""));
        as(patientLogin).header("If-None-Match", "\"0\"").get("/patients/{id}/check-ins/{day}", patient.id(), TODAY.toString())
                .then().statusCode(200).body("pain", equalTo(6));
    }

    @Test
    void aCheckInCutOffByADatabaseRestartIs503WithRetryAfterAndStoresNothing() throws Exception {
        Users patientLogin = Users.patient();
        TestPatient patient = PatientEvents.registered(patientLogin, List.of(), "mechanical", Users.physician());
        CompletableFuture<io.restassured.response.Response> answer;
        try (Connection rules = dataSource.getConnection()) {
            // Hold the check-in at the patient's rule lock, then end its database session the way a restart does.
            rules.setAutoCommit(false);
            try (PreparedStatement lock = rules.prepareStatement(
                    "select count(*) from pg_advisory_xact_lock(hashtext('alert-rules'), hashtext(?))")) {
                lock.setString(1, patient.id().toString());
                lock.executeQuery().close();
            }
            answer = CompletableFuture.supplyAsync(() -> as(patientLogin).body(Api.checkIn(5))
                    .put("/patients/{id}/check-ins/{day}", patient.id(), TODAY.toString()));
            Awaiting.until(() -> terminateWaitingOnAdvisoryLock() == 1, Duration.ofSeconds(20), "the check-in cut off");
            rules.rollback();
        }

        io.restassured.response.Response refused = answer.get(20, TimeUnit.SECONDS);
        assertThat(refused.statusCode()).isEqualTo(503);
        assertThat(refused.contentType()).startsWith("application/problem+json");
        assertThat(refused.header("Retry-After")).isEqualTo("5");
        assertThat(refused.jsonPath().getString("detail")).contains("try again");
        as(patientLogin).get("/patients/{id}/check-ins", patient.id()).then().statusCode(200).body("total", equalTo(0));
        as(patientLogin).body(Api.checkIn(5)).put("/patients/{id}/check-ins/{day}", patient.id(), TODAY.toString())
                .then().statusCode(201);
    }

    private int terminateWaitingOnAdvisoryLock() {
        try (Connection admin = dataSource.getConnection();
             PreparedStatement kill = admin.prepareStatement("select count(pg_terminate_backend(pid)) from pg_stat_activity "
                     + "where datname = current_database() and wait_event_type = 'Lock' and wait_event = 'advisory'");
             ResultSet killed = kill.executeQuery()) {
            killed.next();
            return killed.getInt(1);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void noFutureCheckInsAndBackdatingAtMostSevenDays() {
        Users patientLogin = Users.patient();
        TestPatient patient = PatientEvents.registered(patientLogin, List.of(), "mechanical", Users.physician());
        as(patientLogin).body(Api.checkIn(4)).put("/patients/{id}/check-ins/{day}", patient.id(), TODAY.plusDays(1).toString())
                .then().statusCode(400).body("errors[0].field", equalTo("day"));
        as(patientLogin).body(Api.checkIn(4)).put("/patients/{id}/check-ins/{day}", patient.id(), TODAY.minusDays(8).toString())
                .then().statusCode(400).body("detail", containsString("7 days"));
        as(patientLogin).body(Api.checkIn(4)).put("/patients/{id}/check-ins/{day}", patient.id(), TODAY.minusDays(7).toString())
                .then().statusCode(201);
        as(patientLogin).body(Api.checkIn(4)).put("/patients/{id}/check-ins/{day}", patient.id(), "yesterday")
                .then().statusCode(400).body("errors[0].field", equalTo("day"));
    }

    @Test
    void outOfRangeValuesAreRejectedAndNothingIsStored() {
        Users patientLogin = Users.patient();
        TestPatient patient = PatientEvents.registered(patientLogin, List.of(), "mechanical", Users.physician());
        for (Map.Entry<String, Object> bad : List.of(Map.entry("pain", (Object) 11), Map.entry("pain", (Object) (-1)),
                Map.entry("sleepQuality", (Object) 11), Map.entry("sleepHours", (Object) 25),
                Map.entry("painCharacter", (Object) List.of("itchy")), Map.entry("redFlags", (Object) List.of("headache")))) {
            Map<String, Object> body = Api.checkIn(5);
            body.put(bad.getKey(), bad.getValue());
            as(patientLogin).body(body).put("/patients/{id}/check-ins/{day}", patient.id(), TODAY.toString()).then()
                    .statusCode(400).contentType("application/problem+json")
                    .body("detail", containsString(bad.getKey()));
        }
        Map<String, Object> missing = Api.checkIn(5);
        missing.remove("pain");
        as(patientLogin).body(missing).put("/patients/{id}/check-ins/{day}", patient.id(), TODAY.toString()).then()
                .statusCode(400).body("errors[0].field", equalTo("pain"));
        as(patientLogin).get("/patients/{id}/check-ins", patient.id()).then().body("total", equalTo(0));
        as(patientLogin).get("/patients/{id}/timeline", patient.id()).then().body("total", equalTo(0));
    }

    @Test
    void aClinicianOnTheTeamMayCheckInForThePatientOthersMayNot() {
        Users physician = Users.physician();
        TestPatient patient = PatientEvents.registered(Users.patient(), List.of(), "mechanical", physician);
        Api.checkIn(physician, patient.id(), TODAY, Api.checkIn(3));
        as(Users.physician()).body(Api.checkIn(3)).put("/patients/{id}/check-ins/{day}", patient.id(), TODAY.minusDays(1).toString())
                .then().statusCode(404);
        as(Users.patient()).get("/patients/{id}/check-ins/{day}", patient.id(), TODAY.toString()).then().statusCode(404);
        as(Users.integrator()).get("/patients/{id}/check-ins/{day}", patient.id(), TODAY.toString()).then().statusCode(200);
        as(Users.integrator()).body(Api.checkIn(3)).put("/patients/{id}/check-ins/{day}", patient.id(), TODAY.minusDays(1).toString())
                .then().statusCode(403);
    }

    @Test
    void theTimelineListsEverythingNewestFirstAndFiltersByKind() {
        Users patientLogin = Users.patient();
        TestPatient patient = PatientEvents.registered(patientLogin, List.of(), "mechanical", Users.physician());
        Api.checkIn(patientLogin, patient.id(), TODAY.minusDays(1), Api.checkIn(4));
        as(patientLogin).body(Map.of("day", TODAY.toString(), "exercise", "bird-dog", "sets", 2, "reps", 8, "painBefore", 4, "painAfter", 3))
                .post("/patients/{id}/exercise-sessions", patient.id()).then().statusCode(201);
        as(patientLogin).body(Map.of("takenAt", java.time.Instant.now().minusSeconds(60).toString(), "drug", "naproxen",
                        "dose", 500, "unit", "mg", "sideEffects", List.of("nausea")))
                .post("/patients/{id}/medication-intakes", patient.id()).then().statusCode(201);
        as(patientLogin).get("/patients/{id}/timeline", patient.id()).then().statusCode(200)
                .body("total", equalTo(3))
                // Ordered by when it happened: the session just now, the dose a minute ago, yesterday's check-in.
                .body("items.kind", equalTo(List.of("exercise-session", "medication-intake", "check-in")));
        as(patientLogin).queryParam("kind", "exercise-session").get("/patients/{id}/timeline", patient.id()).then()
                .body("total", equalTo(1)).body("items[0].summary.exercise", equalTo("bird-dog"));
        as(patientLogin).queryParam("from", TODAY.toString()).get("/patients/{id}/timeline", patient.id()).then()
                .body("items.kind", org.hamcrest.Matchers.not(hasItem("check-in")));
        as(patientLogin).queryParam("kind", "dance").get("/patients/{id}/timeline", patient.id()).then().statusCode(400);
    }
}
