package org.backcare.patient.redflag;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import org.backcare.patient.testsupport.Api;
import org.backcare.platform.testing.EventsTopic;
import org.backcare.platform.testing.EventsTopic.Received;
import org.backcare.platform.testing.Users;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.backcare.patient.testsupport.Api.as;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

/**
 * A clinician's tablet retries a red-flag screening whose answer it never got (Idempotency-Key): one screening, one
 * urgent RedFlagRaised, and the retry gets the first answer, Location included.
 */
@QuarkusTest
class RetriedScreeningTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    static String screening(String... positiveItems) throws Exception {
        return JSON.writeValueAsString(Api.screening(positiveItems));
    }

    @Test
    void aRetriedScreeningIsRecordedOnceAndRaisesOneRedFlag() throws Exception {
        Users physician = Users.physician();
        String id = Api.registerPatient(physician);
        String key = UUID.randomUUID().toString();
        String body = screening("bowelOrBladderLossOrSaddleNumbness");

        Response first = as(physician).header("Idempotency-Key", key).body(body)
                .post("/patients/{id}/red-flag-screenings", id);
        Response retry = as(physician).header("Idempotency-Key", key).body(body)
                .post("/patients/{id}/red-flag-screenings", id);

        assertThat(first.statusCode()).isEqualTo(201);
        assertThat(retry.statusCode()).isEqualTo(201);
        assertThat(first.header("Location")).contains("/patients/" + id + "/red-flag-screenings/");
        assertThat(retry.header("Location")).isEqualTo(first.header("Location"));
        assertThat(retry.header("Content-Type")).isEqualTo(first.header("Content-Type"));
        assertThat(retry.asByteArray()).isEqualTo(first.asByteArray());
        assertThat(retry.header("Idempotent-Replayed")).isEqualTo("true");
        as(physician).get("/patients/{id}/red-flag-screenings", id).then().statusCode(200).body("total", equalTo(1));

        // Events are in order per patient: a second RedFlagRaised would come before the resolution.
        as(physician).body(Map.of("note", "Examined today; no deficit")).post("/patients/{id}/urgent-review/resolution", id)
                .then().statusCode(200);
        List<Received> events = EventsTopic.eventsFor("patient-events", id, 3, Duration.ofSeconds(30));
        assertThat(events).extracting(Received::type)
                .containsExactly("PatientRegistered", "RedFlagRaised", "UrgentReviewResolved");
    }

    @Test
    void theSameKeyForAnotherScreeningIsRefused() throws Exception {
        Users physician = Users.physician();
        String id = Api.registerPatient(physician);
        String key = UUID.randomUUID().toString();
        as(physician).header("Idempotency-Key", key).body(screening()).post("/patients/{id}/red-flag-screenings", id)
                .then().statusCode(201);
        as(physician).header("Idempotency-Key", key).body(screening("fever")).post("/patients/{id}/red-flag-screenings", id)
                .then().statusCode(422)
                .contentType("application/problem+json")
                .body("detail", containsString("was already used for a different request"));
        as(physician).get("/patients/{id}/red-flag-screenings", id).then().body("total", equalTo(1))
                .body("items[0].positive", equalTo(false));
    }

    @Test
    void aRetriedRegistrationCreatesOnePatientWithTheSameLocationAndETag() throws Exception {
        Users physician = Users.physician();
        String key = UUID.randomUUID().toString();
        String body = JSON.writeValueAsString(Api.newPatient());

        Response first = as(physician).header("Idempotency-Key", key).body(body).post("/patients");
        Response retry = as(physician).header("Idempotency-Key", key).body(body).post("/patients");

        assertThat(first.statusCode()).isEqualTo(201);
        assertThat(retry.statusCode()).isEqualTo(201);
        assertThat(first.header("Location")).isNotBlank();
        assertThat(first.header("ETag")).isNotBlank();
        assertThat(retry.header("Location")).isEqualTo(first.header("Location"));
        assertThat(retry.header("ETag")).isEqualTo(first.header("ETag"));
        assertThat(retry.asByteArray()).isEqualTo(first.asByteArray());
        as(physician).queryParam("careTeamMember", physician.subject()).get("/patients").then().statusCode(200)
                .body("total", equalTo(1));
    }
}
