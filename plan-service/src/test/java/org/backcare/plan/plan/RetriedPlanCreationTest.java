package org.backcare.plan.plan;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import org.backcare.plan.testsupport.PatientEvents;
import org.backcare.plan.testsupport.PatientEvents.TestPatient;
import org.backcare.platform.testing.Users;
import org.junit.jupiter.api.Test;

import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.backcare.plan.testsupport.Api.as;

/** A retried plan creation (Idempotency-Key) gets the first answer; without the key it would meet the open plan. */
@QuarkusTest
class RetriedPlanCreationTest {

    @Test
    void aRetriedCreationAnswersTheFirstPlanInsteadOfAConflict() {
        Users physician = Users.physician();
        TestPatient patient = PatientEvents.registered(physician);
        String key = UUID.randomUUID().toString();
        String body = "{\"title\":\"Back to gardening\",\"template\":\"mechanical\"}";

        Response first = as(physician).header("Idempotency-Key", key).body(body).post("/patients/{id}/plans", patient.id());
        Response retry = as(physician).header("Idempotency-Key", key).body(body).post("/patients/{id}/plans", patient.id());

        assertThat(first.statusCode()).isEqualTo(201);
        assertThat(retry.statusCode()).isEqualTo(201);
        assertThat(retry.header("Location")).isEqualTo(first.header("Location")).contains("/plans/");
        assertThat(retry.asByteArray()).isEqualTo(first.asByteArray());
        assertThat(retry.header("Idempotent-Replayed")).isEqualTo("true");
        // The same request without the key runs again, and meets the plan the first one opened.
        as(physician).body(body).post("/patients/{id}/plans", patient.id()).then().statusCode(409);
    }
}
