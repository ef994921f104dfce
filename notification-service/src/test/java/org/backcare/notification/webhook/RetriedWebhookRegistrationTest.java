package org.backcare.notification.webhook;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import org.backcare.platform.testing.Users;
import org.junit.jupiter.api.Test;

import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

/**
 * An integrator whose registration answer was lost retries it with the same Idempotency-Key: one endpoint, and the
 * retry shows the generated secret the first answer carried (the only time it is shown).
 */
@QuarkusTest
class RetriedWebhookRegistrationTest {

    @Test
    void aRetriedRegistrationCreatesOneEndpointAndShowsItsSecretAgain() {
        Users integrator = Users.integrator();
        String key = UUID.randomUUID().toString();
        String body = "{\"url\":\"https://integrations.example.org/backcare/hooks\",\"kinds\":[\"red-flag\"]}";

        Response first = register(integrator, key, body);
        Response retry = register(integrator, key, body);

        assertThat(first.statusCode()).isEqualTo(201);
        assertThat(retry.statusCode()).isEqualTo(201);
        assertThat(retry.header("Location")).isEqualTo(first.header("Location"));
        assertThat(retry.jsonPath().getString("secret")).startsWith("whsec_").isEqualTo(first.jsonPath().getString("secret"));
        assertThat(retry.asByteArray()).isEqualTo(first.asByteArray());
        given().auth().oauth2(integrator.token()).get("/webhooks").then().statusCode(200).body("total", equalTo(1));

        register(integrator, key, body.replace("red-flag", "plan-changed")).then().statusCode(422);
    }

    private static Response register(Users integrator, String key, String body) {
        return given().auth().oauth2(integrator.token()).contentType(ContentType.JSON).header("Idempotency-Key", key)
                .body(body).post("/webhooks");
    }
}
