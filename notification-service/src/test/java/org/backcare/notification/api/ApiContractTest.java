package org.backcare.notification.api;

import io.quarkus.test.junit.QuarkusTest;
import org.backcare.platform.testing.ApiContract;
import org.junit.jupiter.api.Test;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;

/**
 * The published API contract and the operational endpoints. The committed openapi.yaml must match what the service
 * serves (platform-testing's ApiContract), so every API change shows up in review; refresh it with
 * {@code -Dbackcare.openapi.write=true}.
 */
@QuarkusTest
class ApiContractTest {

    @Test
    void committedOpenApiMatchesTheServedOne() {
        ApiContract.assertCommittedOpenApiIsServed();
    }

    @Test
    void openApiDocumentsErrorsExamplesAndSecurity() {
        given().queryParam("format", "json").get("/q/openapi").then().statusCode(200)
                .body("components.schemas.Problem.properties.errors", org.hamcrest.Matchers.notNullValue())
                .body("paths.'/notifications/{id}/acknowledgement'.post.responses.'409'.description", containsString("urgent"))
                .body("components.securitySchemes", org.hamcrest.Matchers.notNullValue());
    }

    @Test
    void everyOperationIsTypedForGeneratedClients() {
        ApiContract.assertContractIsComplete();
    }

    @Test
    void healthAndMetricsAreServed() {
        ApiContract.assertOperationalEndpointsServe("backcare_alerts_unacknowledged");
    }

    @Test
    void requestsWithoutTokenAreRejected() {
        ApiContract.assertUnauthenticatedIsAProblem("/notifications");
        given().get("/notifications/stream").then().statusCode(401);
    }

}
