package org.backcare.patient.problem;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import org.backcare.platform.testing.Users;
import org.junit.jupiter.api.Test;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.backcare.patient.testsupport.Api.as;
import static org.backcare.patient.testsupport.Api.registerPatient;

/**
 * Every answer, data or error, JSON or FHIR, carries headers that keep patient data out of caches, other sites'
 * frames and Referer headers, and from being sniffed into another type.
 */
@QuarkusTest
class SecurityHeadersTest {

    static final Map<String, String> EXPECTED = Map.of(
            "Cache-Control", "no-store",
            "X-Content-Type-Options", "nosniff",
            "X-Frame-Options", "DENY",
            "Content-Security-Policy", "frame-ancestors 'none'",
            "Referrer-Policy", "no-referrer");

    @Test
    void everyAnswerCarriesTheSecurityHeaders() {
        Users physician = Users.physician();
        String id = registerPatient(physician);
        Map<String, Response> answers = new LinkedHashMap<>();
        answers.put("200 patient", as(physician).get("/patients/{id}", id));
        answers.put("200 FHIR Patient", given().auth().oauth2(physician.token()).accept("application/fhir+json")
                .get("/fhir/Patient/{id}", id));
        answers.put("404 problem", as(physician).get("/patients/{id}", UUID.randomUUID()));
        answers.put("400 problem", as(physician).queryParam("size", "lots").get("/patients"));
        answers.put("404 FHIR OperationOutcome", given().auth().oauth2(physician.token())
                .accept("application/fhir+json").get("/fhir/Patient/{id}", UUID.randomUUID()));
        answers.put("401 without a token", given().get("/patients/{id}", id));
        answers.put("401 with a rejected token", given().auth().oauth2("not-a-jwt").get("/patients/{id}", id));
        answers.forEach((what, response) -> EXPECTED.forEach((name, value) ->
                assertThat(response.header(name)).as(what + " " + response.statusCode() + ": " + name).isEqualTo(value)));
    }

    /** no-store keeps a copy out of caches; a client that keeps the ETag itself still revalidates with it. */
    @Test
    void anETagStillRevalidatesAndGuardsChanges() {
        Users physician = Users.physician();
        String id = registerPatient(physician);
        String etag = as(physician).get("/patients/{id}", id).then().statusCode(200).extract().header("ETag");
        as(physician).header("If-None-Match", etag).get("/patients/{id}", id).then().statusCode(304)
                .header("Cache-Control", "no-store");
    }
}
