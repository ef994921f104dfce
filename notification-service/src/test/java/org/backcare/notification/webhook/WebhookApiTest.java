package org.backcare.notification.webhook;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.backcare.platform.testing.Users;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;

/** The /webhooks API: who may use it, what it accepts, and that the secret is shown once. */
@QuarkusTest
class WebhookApiTest {

    private static final String URL = "https://integrations.example.org/backcare/hooks";

    @Test
    void onlyIntegratorsAndAdminsMayRegisterOrList() {
        for (Users user : List.of(Users.patient(), Users.physician(), Users.physicalTherapist(), Users.psychologist())) {
            given().auth().oauth2(user.token()).contentType(ContentType.JSON).body(Map.of("url", URL))
                    .post("/webhooks").then().statusCode(403).contentType("application/problem+json");
            given().auth().oauth2(user.token()).get("/webhooks").then().statusCode(403);
        }
        given().contentType(ContentType.JSON).body(Map.of("url", URL)).post("/webhooks").then().statusCode(401);
        given().auth().oauth2(Users.admin().token()).contentType(ContentType.JSON).body(Map.of("url", URL))
                .post("/webhooks").then().statusCode(201);
    }

    @Test
    void anIntegratorSeesOnlyTheirOwnEndpointsAndAnAdminSeesAll() {
        Users mine = Users.integrator();
        Users other = Users.integrator();
        String id = create(mine, Map.of("url", URL, "kinds", List.of("red-flag")));

        given().auth().oauth2(other.token()).get("/webhooks/" + id).then().statusCode(404)
                .contentType("application/problem+json");
        given().auth().oauth2(other.token()).get("/webhooks/" + id + "/deliveries").then().statusCode(404);
        given().auth().oauth2(other.token()).post("/webhooks/" + id + "/enable").then().statusCode(404);
        given().auth().oauth2(other.token()).delete("/webhooks/" + id).then().statusCode(404);
        given().auth().oauth2(other.token()).get("/webhooks").then().statusCode(200)
                .body("items.id", not(hasItem(id)));

        given().auth().oauth2(mine.token()).get("/webhooks").then().statusCode(200)
                .body("items.id", hasItem(id)).body("items.secret", not(hasItem(notNullValue())));
        given().auth().oauth2(Users.admin().token()).get("/webhooks/" + id).then().statusCode(200)
                .body("owner", equalTo(mine.subject()));
        given().auth().oauth2(Users.admin().token()).queryParam("size", 100).get("/webhooks").then().statusCode(200)
                .body("total", org.hamcrest.Matchers.greaterThanOrEqualTo(1));
    }

    @Test
    void aGeneratedSecretIsShownOnceAndAGivenOneNever() {
        Users integrator = Users.integrator();
        String location = given().auth().oauth2(integrator.token()).contentType(ContentType.JSON)
                .body(Map.of("url", URL, "description", "EHR bridge"))
                .post("/webhooks").then().statusCode(201)
                .body("secret", startsWith("whsec_"))
                .body("kinds", equalTo(List.of()))
                .body("enabled", equalTo(true))
                .body("description", equalTo("EHR bridge"))
                .extract().header("Location");
        given().auth().oauth2(integrator.token()).get(location).then().statusCode(200)
                .body("secret", nullValue()).body("$", not(org.hamcrest.Matchers.hasKey("secret")));

        given().auth().oauth2(integrator.token()).contentType(ContentType.JSON)
                .body(Map.of("url", URL, "secret", "my-own-secret-of-32-characters!!"))
                .post("/webhooks").then().statusCode(201).body("$", not(org.hamcrest.Matchers.hasKey("secret")));
    }

    @Test
    void anEndpointCanBeDeleted() {
        Users integrator = Users.integrator();
        String id = create(integrator, Map.of("url", URL));
        given().auth().oauth2(integrator.token()).delete("/webhooks/" + id).then().statusCode(204);
        given().auth().oauth2(integrator.token()).get("/webhooks/" + id).then().statusCode(404);
    }

    @Test
    void badInputIsA400ProblemNamingTheField() {
        Users integrator = Users.integrator();
        badRequest(integrator, Map.of("url", "ftp://files.example.org/in"), "url", "http or https");
        badRequest(integrator, Map.of("url", "/webhooks/in"), "url", "absolute");
        badRequest(integrator, Map.of("url", URL, "secret", "too-short"), "secret", "16");
        badRequest(integrator, Map.of("url", URL, "kinds", List.of("red-flag", "pizza")), "kinds[1]", "unknown kind");
        badRequest(integrator, Map.of("secret", "0123456789abcdef0123"), "url", "required");
        badRequest(integrator, Map.of("url", URL, "colour", "blue"), "colour", "unknown field");

        given().auth().oauth2(integrator.token()).contentType(ContentType.JSON).post("/webhooks")
                .then().statusCode(400).contentType("application/problem+json").body("detail", containsString("missing"));
        given().auth().oauth2(integrator.token()).contentType(ContentType.JSON).body("{\"url\": ").post("/webhooks")
                .then().statusCode(400).contentType("application/problem+json");

        String id = create(integrator, Map.of("url", URL));
        given().auth().oauth2(integrator.token()).queryParam("status", "lost").get("/webhooks/" + id + "/deliveries")
                .then().statusCode(400).contentType("application/problem+json").body("errors[0].field", equalTo("status"));
        given().auth().oauth2(integrator.token()).get("/webhooks/not-a-uuid").then().statusCode(400);
    }

    @Test
    void openApiDocumentsExamplesAndProblems() {
        given().queryParam("format", "json").get("/q/openapi").then().statusCode(200)
                .body("paths.'/webhooks'.post.requestBody.content.'application/json'.examples", notNullValue())
                .body("paths.'/webhooks'.post.responses.'400'.content.'application/problem+json'.examples", notNullValue())
                .body("paths.'/webhooks'.post.responses.'403'.content.'application/problem+json'", notNullValue())
                .body("paths.'/webhooks/{id}'.get.responses.'404'.description", containsString("another integrator"))
                .body("paths.'/webhooks/{id}/deliveries'.get.parameters.name", hasItem("status"))
                .body("components.schemas.Webhook.properties.secret.description", containsString("creation response"))
                .body("components.schemas.NewWebhook.properties.url.examples[0]", startsWith("https://"));
    }

    private static void badRequest(Users user, Map<String, ?> body, String field, String message) {
        given().auth().oauth2(user.token()).contentType(ContentType.JSON).body(body).post("/webhooks")
                .then().statusCode(400).contentType("application/problem+json")
                .body("errors[0].field", equalTo(field))
                .body("detail", containsString(message));
    }

    static String create(Users user, Map<String, ?> body) {
        return given().auth().oauth2(user.token()).contentType(ContentType.JSON).body(body).post("/webhooks")
                .then().statusCode(201).extract().path("id");
    }
}
