package org.backcare.tracking.rules;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.backcare.tracking.testsupport.Api;
import org.backcare.tracking.testsupport.PatientEvents;
import org.backcare.tracking.testsupport.PatientEvents.TestPatient;
import org.backcare.tracking.testsupport.PlanEvents;
import org.backcare.tracking.testsupport.Projections;
import org.backcare.platform.testing.EventsTopic;
import org.backcare.platform.testing.EventsTopic.Received;
import org.backcare.platform.testing.Users;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.backcare.tracking.testsupport.Api.as;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;

/** Trends on a hand-computed data set, adherence against the projected plan, and alerts raised once per episode. */
@QuarkusTest
class TrendsAndAlertsTest {

    private static final LocalDate TODAY = LocalDate.now();

    @Inject
    MissedCheckInScheduler missedCheckIns;

    @Test
    void aWeekOfCheckInsGivesTheHandComputedTrend() {
        Users patientLogin = Users.patient();
        TestPatient patient = PatientEvents.registered(patientLogin, List.of(), "mechanical", Users.physician());
        UUID plan = PlanEvents.activated(patient.id(), TODAY.minusDays(6), null);
        Projections.awaitActivePlan(patient.id(), plan);
        int[] pains = {4, 6, 5, 7, 5, 6, 6};
        for (int i = 0; i < pains.length; i++) {
            Api.checkIn(patientLogin, patient.id(), TODAY.minusDays(6 - i), Api.checkIn(pains[i]));
        }
        for (int d : new int[] {6, 3, 0}) {
            as(patientLogin).body(Map.of("day", TODAY.minusDays(d).toString(), "exercise", "bird-dog", "sets", 2, "reps", 8))
                    .post("/patients/{id}/exercise-sessions", patient.id()).then().statusCode(201);
        }
        // mean 39/7 = 5.57; slope = sum((x-3)*y) / sum((x-3)^2) = 6/28 = 0.21; adherence 3 of 7 = 42.86 %
        as(patientLogin).queryParam("days", 7).get("/patients/{id}/trends", patient.id()).then().statusCode(200)
                .body("daysLogged", equalTo(7))
                .body("meanPain", equalTo(5.57f))
                .body("minPain", equalTo(4))
                .body("maxPain", equalTo(7))
                .body("slopePerDay", equalTo(0.21f))
                .body("exerciseAdherencePercent", equalTo(42.86f))
                .body("verdict", equalTo("STABLE"));
        as(patientLogin).queryParam("days", 14).get("/patients/{id}/trends", patient.id()).then().statusCode(400);
    }

    @Test
    void aFlareIsRaisedOnceNotOnEveryCheckInWhileItLasts() {
        Users patientLogin = Users.patient();
        TestPatient patient = PatientEvents.registered(patientLogin, List.of(), "mechanical", Users.physician());
        Map<String, Object> body = Api.checkIn(7);
        Api.checkIn(patientLogin, patient.id(), TODAY.minusDays(1), body);
        body.put("pain", 8);
        as(patientLogin).body(body).put("/patients/{id}/check-ins/{day}", patient.id(), TODAY.toString()).then().statusCode(201);
        body.put("pain", 9);
        as(patientLogin).header("If-Match", "\"0\"").body(body)
                .put("/patients/{id}/check-ins/{day}", patient.id(), TODAY.toString()).then().statusCode(200);

        List<Received> events = EventsTopic.eventsFor("tracking-events", patient.id().toString(), 4, Duration.ofSeconds(20));
        assertThat(events).extracting(Received::type)
                .containsExactly("CheckInRecorded", "CheckInRecorded", "FlareDetected", "CheckInRecorded");
        assertThat(events.get(2).envelope().get("data").get("priority").asText()).isEqualTo("high");
        as(patientLogin).queryParam("kind", "alert").get("/patients/{id}/timeline", patient.id()).then()
                .body("items", hasSize(1));
    }

    @Test
    void aReportedRedFlagRaisesAnUrgentAlert() {
        Users patientLogin = Users.patient();
        TestPatient patient = PatientEvents.registered(patientLogin, List.of(), "mechanical", Users.physician());
        Map<String, Object> body = Api.checkIn(5);
        body.put("redFlags", List.of("saddle-numbness"));
        Api.checkIn(patientLogin, patient.id(), TODAY, body);
        List<Received> events = EventsTopic.eventsFor("tracking-events", patient.id().toString(), 2, Duration.ofSeconds(20));
        assertThat(events).extracting(Received::type).containsExactly("CheckInRecorded", "RedFlagSymptomReported");
        assertThat(events.get(1).envelope().get("data").get("priority").asText()).isEqualTo("urgent");
    }

    @Test
    void aRedFlagEnteredOnABackdatedCheckInIsAsUrgent() {
        Users patientLogin = Users.patient();
        TestPatient patient = PatientEvents.registered(patientLogin, List.of(), "mechanical", Users.physician());
        Map<String, Object> body = Api.checkIn(5);
        body.put("redFlags", List.of("bowel-or-bladder-change"));
        Api.checkIn(patientLogin, patient.id(), TODAY.minusDays(1), body);
        List<Received> events = EventsTopic.eventsFor("tracking-events", patient.id().toString(), 2, Duration.ofSeconds(20));
        assertThat(events).extracting(Received::type).containsExactly("CheckInRecorded", "RedFlagSymptomReported");
    }

    /**
     * An offline app syncing several days at once: two red-flag check-ins of one patient for different days arrive
     * together. Both are stored, and the patient gets one urgent alert, not two (rules run one at a time per
     * patient, on every instance).
     */
    @Test
    void twoRedFlagCheckInsSyncedTogetherRaiseOneUrgentAlert() throws Exception {
        ExecutorService app = Executors.newFixedThreadPool(2);
        try {
            for (int pair = 0; pair < 8; pair++) {
                Users patientLogin = Users.patient();
                TestPatient patient = PatientEvents.registered(patientLogin, List.of(), "mechanical", Users.physician());
                Map<String, Object> body = Api.checkIn(5);
                body.put("redFlags", List.of("saddle-numbness"));
                CountDownLatch go = new CountDownLatch(1);
                List<Future<Integer>> answers = new ArrayList<>();
                for (int daysAgo = 1; daysAgo <= 2; daysAgo++) {
                    LocalDate day = TODAY.minusDays(daysAgo);
                    answers.add(app.submit(() -> {
                        go.await();
                        return as(patientLogin).body(body)
                                .put("/patients/{id}/check-ins/{day}", patient.id(), day.toString()).statusCode();
                    }));
                }
                go.countDown();
                for (Future<Integer> answer : answers) {
                    assertThat(answer.get(30, TimeUnit.SECONDS)).isEqualTo(201);
                }
                as(patientLogin).queryParam("kind", "alert").get("/patients/{id}/timeline", patient.id()).then()
                        .statusCode(200).body("items", hasSize(1));
            }
        } finally {
            app.shutdownNow();
        }
    }

    /** An offline app syncs several red-flag days; the missed-check-in pass runs between two of them. */
    @Test
    void aMissedCheckInPassBetweenSyncedRedFlagDaysDoesNotRaiseTheUrgentAlertAgain() {
        Users patientLogin = Users.patient();
        TestPatient patient = PatientEvents.registered(patientLogin, List.of(), "mechanical", Users.physician());
        Map<String, Object> body = Api.checkIn(7);
        body.put("redFlags", List.of("saddle-numbness"));
        as(patientLogin).body(body).put("/patients/{id}/check-ins/{day}", patient.id(), TODAY.minusDays(3).toString())
                .then().statusCode(201);
        missedCheckIns.checkAll();
        as(patientLogin).body(body).put("/patients/{id}/check-ins/{day}", patient.id(), TODAY.minusDays(2).toString())
                .then().statusCode(201);

        as(patientLogin).queryParam("kind", "alert").get("/patients/{id}/timeline", patient.id()).then()
                .statusCode(200).body("items.findAll { it.summary.alert == 'red-flag-symptom' }", hasSize(1));
    }

    /** Two instances running the missed-check-in pass at the same moment raise the alert once. */
    @Test
    void twoMissedCheckInPassesAtOnceRaiseOneAlert() throws Exception {
        Users patientLogin = Users.patient();
        TestPatient patient = PatientEvents.registered(patientLogin, List.of(), "mechanical", Users.physician());
        UUID plan = PlanEvents.activated(patient.id(), TODAY.minusDays(5), null);
        Projections.awaitActivePlan(patient.id(), plan);
        ExecutorService instances = Executors.newFixedThreadPool(2);
        try {
            CountDownLatch go = new CountDownLatch(1);
            List<Future<Integer>> passes = new ArrayList<>();
            for (int i = 0; i < 2; i++) {
                passes.add(instances.submit(() -> {
                    go.await();
                    return missedCheckIns.checkAll();
                }));
            }
            go.countDown();
            for (Future<Integer> pass : passes) {
                pass.get(60, TimeUnit.SECONDS);
            }
        } finally {
            instances.shutdownNow();
        }
        as(patientLogin).queryParam("kind", "alert").get("/patients/{id}/timeline", patient.id()).then()
                .statusCode(200).body("items", hasSize(1));
    }

    @Test
    void onlyACliniciansSetsANewOdiBaselineAndDischargedPatientsReportNoMore() {
        Users physician = Users.physician();
        Users patientLogin = Users.patient();
        TestPatient patient = PatientEvents.registered(patientLogin, List.of(), "mechanical", physician);
        as(patientLogin).body(Map.of("answers", Collections.nCopies(10, 4)))
                .post("/patients/{id}/questionnaires/odi", patient.id()).then().statusCode(201);
        as(patientLogin).body(Map.of("answers", Collections.nCopies(10, 1), "baseline", true))
                .post("/patients/{id}/questionnaires/odi", patient.id()).then().statusCode(403);
        as(physician).body(Map.of("answers", Collections.nCopies(10, 1), "baseline", true))
                .post("/patients/{id}/questionnaires/odi", patient.id()).then().statusCode(201)
                .body("baseline", equalTo(true)).body("change", equalTo(0.0f));

        var discharged = PatientEvents.envelope(UUID.randomUUID(), "PatientDischarged", patient.id(), null);
        discharged.putObject("data").put("reason", "done").put("dischargedAt", Instant.now().toString())
                .put("dischargedBy", physician.subject());
        PatientEvents.send(discharged);
        // Wait for the projection itself: a check-in tried before the discharge arrives would rightly be accepted.
        org.backcare.tracking.testsupport.Awaiting.until(() -> io.quarkus.narayana.jta.QuarkusTransaction.requiringNew()
                        .call(() -> org.backcare.platform.patients.PatientProjection
                                .<org.backcare.platform.patients.PatientProjection>findById(patient.id()).isDischarged()),
                Duration.ofSeconds(30), "discharge projected");
        as(patientLogin).body(Api.checkIn(3)).put("/patients/{id}/check-ins/{day}", patient.id(), TODAY.toString())
                .then().statusCode(409);
        as(patientLogin).get("/patients/{id}/check-ins", patient.id()).then().body("total", equalTo(0));
    }

    @Test
    void takingMoreNsaidThanThePlanPrescribesIsOveruseAndJustBelowIsNot() {
        Users patientLogin = Users.patient();
        TestPatient patient = PatientEvents.registered(patientLogin, List.of(), "inflammatory", Users.physician());
        UUID plan = PlanEvents.activated(patient.id(), TODAY.minusDays(2), 1000);
        Projections.awaitActivePlan(patient.id(), plan);
        List<String> raised = null;
        for (int dose = 1; dose <= 3; dose++) {
            raised = as(patientLogin).body(Map.of("takenAt", Instant.now().minusSeconds(600 - dose).toString(),
                            "drug", "naproxen", "dose", 500, "unit", "mg"))
                    .post("/patients/{id}/medication-intakes", patient.id()).then().statusCode(201)
                    .extract().path("alertsRaised");
            if (dose == 2) {
                assertThat(raised).as("1000 mg = the prescribed daily dose").isEmpty();
            }
        }
        assertThat(raised).containsExactly("nsaid-overuse");
    }

    @Test
    void missedCheckInsAreRaisedOnceByTheScheduler() {
        Users patientLogin = Users.patient();
        TestPatient patient = PatientEvents.registered(patientLogin, List.of(), "mechanical", Users.physician());
        UUID plan = PlanEvents.activated(patient.id(), TODAY.minusDays(5), null);
        Projections.awaitActivePlan(patient.id(), plan);
        missedCheckIns.checkAll();
        missedCheckIns.checkAll();
        List<Received> events = EventsTopic.eventsFor("tracking-events", patient.id().toString(), 2, Duration.ofSeconds(10));
        assertThat(events).extracting(Received::type).containsExactly("CheckInsMissed");
    }

    @Test
    void odiIsScoredAndAChangeOfTenPointsRaisesAnAlert() {
        Users patientLogin = Users.patient();
        TestPatient patient = PatientEvents.registered(patientLogin, List.of(), "mechanical", Users.physician());
        as(patientLogin).body(Map.of("answers", Collections.nCopies(10, 3)))
                .post("/patients/{id}/questionnaires/odi", patient.id()).then().statusCode(201)
                .body("score", equalTo(60.0f)).body("baseline", equalTo(true));
        // One section skipped: 9 answers of 2 = 18 / 45 = 40 %; 20 points better than the baseline.
        List<Integer> followUp = new java.util.ArrayList<>(Collections.nCopies(10, 2));
        followUp.set(6, null);
        as(patientLogin).body(Map.of("answers", followUp)).post("/patients/{id}/questionnaires/odi", patient.id())
                .then().statusCode(201)
                .body("answered", equalTo(9)).body("score", equalTo(40.0f)).body("change", equalTo(-20.0f))
                .body("clinicallyImportantChange", equalTo(true));
        List<Integer> tooFew = new java.util.ArrayList<>(Collections.nCopies(10, 2));
        tooFew.set(0, null);
        tooFew.set(1, null);
        tooFew.set(2, null);
        as(patientLogin).body(Map.of("answers", tooFew)).post("/patients/{id}/questionnaires/odi", patient.id())
                .then().statusCode(400).body("errors[0].field", equalTo("answers"));
        as(patientLogin).get("/patients/{id}/questionnaires/odi", patient.id()).then().body("total", equalTo(2));
        List<Received> events = EventsTopic.eventsFor("tracking-events", patient.id().toString(), 3, Duration.ofSeconds(20));
        assertThat(events).extracting(Received::type)
                .containsExactly("QuestionnaireCompleted", "QuestionnaireCompleted", "OdiChanged");
    }
}
