package org.backcare.plan.api;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

/**
 * The published API contract and the operational endpoints. The committed openapi.yaml must match what the service
 * serves, so every API change shows up in review; refresh it with {@code -Dbackcare.openapi.write=true}.
 */
@QuarkusTest
class ApiContractTest {

    private static final Path COMMITTED = Path.of("openapi.yaml");

    @Test
    void committedOpenApiMatchesTheServedOne() throws IOException {
        String served = given().queryParam("format", "yaml").get("/q/openapi").then().statusCode(200)
                .extract().asString();
        if (Boolean.getBoolean("backcare.openapi.write")) {
            Files.writeString(COMMITTED, served);
        }
        assertThat(Files.exists(COMMITTED)).as("plan-service/openapi.yaml is committed").isTrue();
        assertThat(served)
                .as("the API changed: review it and refresh openapi.yaml with -Dbackcare.openapi.write=true")
                .isEqualTo(Files.readString(COMMITTED));
    }

    @Test
    void openApiDocumentsErrorsExamplesAndSecurity() {
        given().queryParam("format", "json").get("/q/openapi").then().statusCode(200)
                .body("components.schemas.MedicationSafetyProblem.properties.issues", org.hamcrest.Matchers.notNullValue())
                .body("paths.'/plans/{id}/sections/{kind}'.put.requestBody.content.'application/json'.examples", org.hamcrest.Matchers.notNullValue())
                .body("paths.'/plans/{id}/sections/{kind}'.put.responses.'422'.description", containsString("Medication"))
                .body("components.securitySchemes", org.hamcrest.Matchers.notNullValue());
    }

    @Test
    void healthAndMetricsAreServed() {
        given().get("/q/health/ready").then().statusCode(200).body("status", equalTo("UP"));
        given().get("/q/health/live").then().statusCode(200);
        given().get("/q/metrics").then().statusCode(200).body(containsString("backcare_outbox_unsent"));
        given().get("/q/swagger-ui/").then().statusCode(200);
    }

    @Test
    void requestsWithoutTokenAreRejected() {
        given().get("/plans").then().statusCode(401);
        given().header("Authorization", "Bearer not-a-jwt").get("/plans").then().statusCode(401);
    }
}
