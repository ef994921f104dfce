package org.backcare.tracking.api;

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
                .body("paths.'/patients/{patientId}/check-ins/{day}'.put.requestBody.content.'application/json'.examples", org.hamcrest.Matchers.notNullValue())
                .body("paths.'/patients/{patientId}/check-ins/{day}'.put.responses.'428'.description", containsString("If-Match"))
                .body("components.securitySchemes", org.hamcrest.Matchers.notNullValue());
    }

    @Test
    void everyOperationIsTypedForGeneratedClients() {
        ApiContract.assertContractIsComplete();
    }

    @Test
    void healthAndMetricsAreServed() {
        ApiContract.assertOperationalEndpointsServe("backcare_outbox_unsent");
    }

    @Test
    void requestsWithoutTokenAreRejected() {
        ApiContract.assertUnauthenticatedIsAProblem("/patients/00000000-0000-4000-8000-000000000000/timeline");
    }


    /** Every FHIR search parameter the service takes is a declared, typed parameter of the search operation. */
    @Test
    void theFhirSearchDeclaresEveryParameterItTakes() {
        ApiContract.assertFhirSearchDeclares("/fhir/{type}", "FhirPatient", "FhirDate", "FhirLastUpdated", "FhirCount",
                "FhirOffset", "FhirUrl");
    }
}
