package org.backcare.tracking.report;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import org.backcare.platform.idempotency.Fingerprint;
import org.backcare.platform.idempotency.IdempotencyStore;
import org.backcare.platform.testing.Users;
import org.backcare.tracking.testsupport.PatientEvents;
import org.backcare.tracking.testsupport.PatientEvents.TestPatient;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.backcare.tracking.testsupport.Api.as;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

/**
 * A patient app that lost the answer to a medication intake (the train went into a tunnel) sends it again with the
 * same Idempotency-Key: the dose is recorded once, and the retry gets the first answer.
 */
@QuarkusTest
class IdempotencyKeyTest {

    @Inject
    IdempotencyStore keys;

    static String intake(String drug) {
        return "{\"takenAt\":\"" + Instant.now().minusSeconds(60) + "\",\"drug\":\"" + drug
                + "\",\"dose\":500,\"unit\":\"mg\",\"sideEffects\":[\"nausea\"]}";
    }

    static Response postIntake(Users user, UUID patientId, String key, String body) {
        var request = as(user).body(body);
        if (key != null) {
            request.header("Idempotency-Key", key);
        }
        return request.post("/patients/{id}/medication-intakes", patientId);
    }

    static int intakes(Users user, UUID patientId) {
        return as(user).queryParam("kind", "medication-intake").get("/patients/{id}/timeline", patientId).then()
                .statusCode(200).extract().path("total");
    }

    @Test
    void aRetriedIntakeIsRecordedOnceAndAnsweredAsTheFirstTime() {
        Users patientLogin = Users.patient();
        TestPatient patient = PatientEvents.registered(patientLogin, List.of(), "mechanical", Users.physician());
        String key = UUID.randomUUID().toString();
        String body = intake("naproxen");

        Response first = postIntake(patientLogin, patient.id(), key, body);
        Response retry = postIntake(patientLogin, patient.id(), key, body);

        assertThat(first.statusCode()).isEqualTo(201);
        assertThat(retry.statusCode()).isEqualTo(201);
        assertThat(retry.asByteArray()).isEqualTo(first.asByteArray());
        assertThat(retry.header("Content-Type")).isEqualTo(first.header("Content-Type"));
        assertThat(retry.header("Location")).isEqualTo(first.header("Location"));
        assertThat(retry.header("ETag")).isEqualTo(first.header("ETag"));
        assertThat(first.header("Idempotent-Replayed")).isNull();
        assertThat(retry.header("Idempotent-Replayed")).isEqualTo("true");
        assertThat(intakes(patientLogin, patient.id())).isEqualTo(1);
    }

    /** The answer is stored before it is sent: a client that has it and retries at once gets it again. */
    @Test
    void aRetryRightAfterTheAnswerArrivedIsAlwaysAReplay() {
        Users patientLogin = Users.patient();
        TestPatient patient = PatientEvents.registered(patientLogin, List.of(), "mechanical", Users.physician());
        for (int i = 0; i < 20; i++) {
            String key = UUID.randomUUID().toString();
            String body = intake("naproxen");
            postIntake(patientLogin, patient.id(), key, body).then().statusCode(201);
            postIntake(patientLogin, patient.id(), key, body).then().statusCode(201).header("Idempotent-Replayed", "true");
        }
        assertThat(intakes(patientLogin, patient.id())).isEqualTo(20);
    }

    @Test
    void theSameKeyForAnotherIntakeIsRefusedAndRecordsNothing() {
        Users patientLogin = Users.patient();
        TestPatient patient = PatientEvents.registered(patientLogin, List.of(), "mechanical", Users.physician());
        String key = UUID.randomUUID().toString();
        postIntake(patientLogin, patient.id(), key, intake("naproxen")).then().statusCode(201);

        postIntake(patientLogin, patient.id(), key, intake("ibuprofen")).then().statusCode(422)
                .contentType("application/problem+json")
                .body("type", equalTo("https://backcare.example/problems/idempotency-key-reused"))
                .body("detail", containsString("Idempotency-Key '" + key + "' was already used for a different request"))
                .body("detail", containsString("with another body"));
        // The same key on another endpoint is another request too.
        as(patientLogin).header("Idempotency-Key", key).body("{\"startedOn\":\"" + java.time.LocalDate.now() + "\"}")
                .post("/patients/{id}/flare-ups", patient.id()).then().statusCode(422)
                .body("detail", containsString("POST /patients/" + patient.id() + "/medication-intakes"));
        assertThat(intakes(patientLogin, patient.id())).isEqualTo(1);
        as(patientLogin).queryParam("kind", "flare-up").get("/patients/{id}/timeline", patient.id()).then()
                .body("total", equalTo(0));
    }

    @Test
    void concurrentRetriesRecordOneIntakeAndNeverFail() throws Exception {
        Users patientLogin = Users.patient();
        TestPatient patient = PatientEvents.registered(patientLogin, List.of(), "mechanical", Users.physician());
        int rounds = 8;
        ExecutorService app = Executors.newFixedThreadPool(3);
        try {
            for (int round = 0; round < rounds; round++) {
                String key = UUID.randomUUID().toString();
                String body = intake("naproxen");
                CountDownLatch go = new CountDownLatch(1);
                List<Future<Response>> sent = new ArrayList<>();
                for (int i = 0; i < 3; i++) {
                    sent.add(app.submit(() -> {
                        go.await();
                        return postIntake(patientLogin, patient.id(), key, body);
                    }));
                }
                go.countDown();
                List<Response> got = new ArrayList<>();
                for (Future<Response> answer : sent) {
                    got.add(answer.get(30, TimeUnit.SECONDS));
                }
                assertThat(got).extracting(Response::statusCode).allMatch(s -> s == 201 || s == 409).contains(201);
                byte[] created = got.stream().filter(r -> r.statusCode() == 201).findFirst().orElseThrow().asByteArray();
                for (Response r : got) {
                    if (r.statusCode() == 201) {
                        assertThat(r.asByteArray()).as("every 201 of one key is the same answer").isEqualTo(created);
                    } else {
                        assertThat(r.header("Retry-After")).isEqualTo("1");
                        assertThat(r.contentType()).startsWith("application/problem+json");
                        assertThat(r.jsonPath().getString("detail"))
                                .isEqualTo("a request with this Idempotency-Key is still being processed; retry");
                    }
                }
            }
        } finally {
            app.shutdownNow();
        }
        assertThat(intakes(patientLogin, patient.id())).as("one intake per key").isEqualTo(rounds);
    }

    @Test
    void aRequestStillRunningElsewhereAnswers409WithRetryAfter() {
        Users patientLogin = Users.patient();
        TestPatient patient = PatientEvents.registered(patientLogin, List.of(), "mechanical", Users.physician());
        String key = UUID.randomUUID().toString();
        String body = intake("naproxen");
        // Another instance has claimed the key for this very request and is still running it.
        var claim = keys.claim(patientLogin.subject(), key, Fingerprint.of("POST",
                "/patients/" + patient.id() + "/medication-intakes", body.getBytes(StandardCharsets.UTF_8)));
        assertThat(claim).isInstanceOf(IdempotencyStore.Claimed.class);

        postIntake(patientLogin, patient.id(), key, body).then().statusCode(409)
                .header("Retry-After", "1")
                .contentType("application/problem+json")
                .body("type", equalTo("https://backcare.example/problems/idempotency-key-in-progress"))
                .body("detail", equalTo("a request with this Idempotency-Key is still being processed; retry"));
        assertThat(intakes(patientLogin, patient.id())).isZero();
    }

    @Test
    void aRefusedFirstAttemptReleasesTheKeyForTheCorrectedRequest() {
        Users patientLogin = Users.patient();
        TestPatient patient = PatientEvents.registered(patientLogin, List.of(), "mechanical", Users.physician());
        String key = UUID.randomUUID().toString();
        postIntake(patientLogin, patient.id(), key, "{\"takenAt\":\"" + Instant.now() + "\",\"drug\":\"naproxen\"}")
                .then().statusCode(400);
        postIntake(patientLogin, patient.id(), key, intake("naproxen")).then().statusCode(201)
                .header("Idempotent-Replayed", (String) null);
        assertThat(intakes(patientLogin, patient.id())).isEqualTo(1);
    }

    @Test
    void keysBelongToTheirCaller() {
        Users patientLogin = Users.patient();
        Users physician = Users.physician();
        TestPatient patient = PatientEvents.registered(patientLogin, List.of(), "mechanical", physician);
        String key = "dose-1";
        String body = intake("naproxen");
        postIntake(patientLogin, patient.id(), key, body).then().statusCode(201);
        postIntake(physician, patient.id(), key, body).then().statusCode(201).header("Idempotent-Replayed", (String) null);
        assertThat(intakes(patientLogin, patient.id())).isEqualTo(2);
    }

    @Test
    void withoutAKeyEveryPostIsRecordedAsBefore() {
        Users patientLogin = Users.patient();
        TestPatient patient = PatientEvents.registered(patientLogin, List.of(), "mechanical", Users.physician());
        String body = intake("naproxen");
        postIntake(patientLogin, patient.id(), null, body).then().statusCode(201);
        postIntake(patientLogin, patient.id(), null, body).then().statusCode(201);
        assertThat(intakes(patientLogin, patient.id())).isEqualTo(2);
    }

    @Test
    void anExpiredKeyIsDeletedAndMayBeUsedAgain() {
        Users patientLogin = Users.patient();
        TestPatient patient = PatientEvents.registered(patientLogin, List.of(), "mechanical", Users.physician());
        String key = UUID.randomUUID().toString();
        String body = intake("naproxen");
        postIntake(patientLogin, patient.id(), key, body).then().statusCode(201);

        assertThat(keys.deleteExpired(Instant.now().plus(keys.retention()).plusSeconds(1))).isPositive();

        postIntake(patientLogin, patient.id(), key, body).then().statusCode(201).header("Idempotent-Replayed", (String) null);
        assertThat(intakes(patientLogin, patient.id())).isEqualTo(2);
    }

    @Test
    void aMalformedKeyIsAValidationError() {
        Users patientLogin = Users.patient();
        TestPatient patient = PatientEvents.registered(patientLogin, List.of(), "mechanical", Users.physician());
        postIntake(patientLogin, patient.id(), "x".repeat(256), intake("naproxen")).then().statusCode(400)
                .contentType("application/problem+json")
                .body("errors[0].field", equalTo("Idempotency-Key"))
                .body("detail", containsString("1 to 255 characters"));
        assertThat(intakes(patientLogin, patient.id())).isZero();
    }

    @Test
    void aKeyWithoutATokenIsStill401() {
        io.restassured.RestAssured.given().contentType(ContentType.JSON).header("Idempotency-Key", "k")
                .body(intake("naproxen")).post("/patients/{id}/medication-intakes", UUID.randomUUID())
                .then().statusCode(401);
    }
}
