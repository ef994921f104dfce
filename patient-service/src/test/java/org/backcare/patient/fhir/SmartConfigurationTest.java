package org.backcare.patient.fhir;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

/** SMART Backend Services discovery (platform-fhir), as an integrator's client reads it: no token, plain JSON. */
@QuarkusTest
class SmartConfigurationTest {

    @Test
    void smartConfigurationIsPublicAndNamesKeycloaksTokenEndpointAndSignedJwtAuthentication() {
        Response response = given().accept(ContentType.JSON).get("/fhir/.well-known/smart-configuration");

        assertThat(response.statusCode()).as(response.asString()).isEqualTo(200);
        assertThat(response.contentType()).startsWith("application/json");
        JsonPath smart = response.jsonPath();
        String realm = ConfigProvider.getConfig().getValue("quarkus.oidc.auth-server-url", String.class);
        assertThat(smart.getString("token_endpoint"))
                .isEqualTo(realm.replaceAll("/+$", "") + "/protocol/openid-connect/token");
        assertThat(smart.getList("token_endpoint_auth_methods_supported", String.class))
                .containsExactly("private_key_jwt", "client_secret_basic");
        assertThat(smart.getList("token_endpoint_auth_signing_alg_values_supported", String.class))
                .containsExactly("RS384", "ES384");
        assertThat(smart.getList("grant_types_supported", String.class)).containsExactly("client_credentials");
        assertThat(smart.getList("scopes_supported", String.class)).containsExactly("roles");
        assertThat(smart.getList("capabilities", String.class))
                .containsExactly("client-confidential-asymmetric", "client-confidential-symmetric");
        assertThat(smart.getMap("$")).containsOnlyKeys("token_endpoint", "token_endpoint_auth_methods_supported",
                "token_endpoint_auth_signing_alg_values_supported", "grant_types_supported", "scopes_supported",
                "capabilities");
    }

    @Test
    void smartConfigurationIsServedToAnyJsonClient() {
        // Discovery clients ask for JSON in several ways; none may be refused, and none needs a token.
        given().get("/fhir/.well-known/smart-configuration").then().statusCode(200);
        given().accept("application/json, */*;q=0.1").get("/fhir/.well-known/smart-configuration").then().statusCode(200);
    }

    @Test
    void theRestOfTheFhirApiStillNeedsAToken() {
        assertThat(given().accept(ContentType.JSON).get("/fhir/.well-known/other").statusCode()).isEqualTo(401);
        assertThat(given().accept(ContentType.JSON).get("/fhir/Patient").statusCode()).isEqualTo(401);
    }
}
