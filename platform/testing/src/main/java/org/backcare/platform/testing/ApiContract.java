package org.backcare.platform.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

/**
 * What every service's API contract test checks, against the running service: the committed openapi.yaml is what
 * it serves (so every API change shows up in review; refresh it with {@code -Dbackcare.openapi.write=true}), and
 * health, metrics and Swagger UI are served.
 */
public final class ApiContract {

    private static final Path COMMITTED = Path.of("openapi.yaml");

    private ApiContract() {
    }

    public static void assertCommittedOpenApiIsServed() {
        String served = given().queryParam("format", "yaml").get("/q/openapi").then().statusCode(200)
                .extract().asString();
        assertThat(served).as("FHIR search parameter lists are turned into declared parameters")
                .doesNotContain("x-fhir-search-parameters");
        try {
            if (Boolean.getBoolean("backcare.openapi.write")) {
                Files.writeString(COMMITTED, served);
            }
            assertThat(Files.exists(COMMITTED)).as("the service's openapi.yaml is committed").isTrue();
            assertThat(served)
                    .as("the API changed: review it and refresh openapi.yaml with -Dbackcare.openapi.write=true")
                    .isEqualTo(Files.readString(COMMITTED));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * What a generated client needs of the served document: every operation has a unique operationId, every
     * parameter and header a type, every error answer and request body a schema, every request body an example.
     * Lists each gap, so a new endpoint that misses one fails here rather than in a client.
     */
    @SuppressWarnings("unchecked")
    public static void assertContractIsComplete() {
        Map<String, Object> document = given().queryParam("format", "json").get("/q/openapi").then().statusCode(200)
                .extract().jsonPath().getMap("$");
        List<String> gaps = new ArrayList<>();
        Set<String> operationIds = new HashSet<>();
        Map<String, Map<String, Object>> paths = (Map<String, Map<String, Object>>) document.get("paths");
        paths.forEach((path, item) -> item.forEach((method, value) -> {
            if (!(value instanceof Map<?, ?> raw) || !raw.containsKey("responses")) {
                return;
            }
            Map<String, Object> operation = (Map<String, Object>) raw;
            String where = method.toUpperCase() + " " + path;
            Object id = operation.get("operationId");
            if (id == null) {
                gaps.add(where + ": no operationId");
            } else if (!operationIds.add(id.toString())) {
                gaps.add(where + ": operationId " + id + " is used twice");
            }
            for (Map<String, Object> parameter : (List<Map<String, Object>>) operation.getOrDefault("parameters", List.of())) {
                if (!parameter.containsKey("$ref") && !typed((Map<String, Object>) parameter.get("schema"))) {
                    gaps.add(where + ": parameter " + parameter.get("name") + " has no type");
                }
            }
            Map<String, Object> body = (Map<String, Object>) operation.get("requestBody");
            if (body != null) {
                ((Map<String, Map<String, Object>>) body.getOrDefault("content", Map.of())).forEach((media, content) -> {
                    if (content.get("schema") == null) {
                        gaps.add(where + ": request body " + media + " has no schema");
                    }
                    if (content.get("example") == null && content.get("examples") == null) {
                        gaps.add(where + ": request body " + media + " has no example");
                    }
                });
            }
            ((Map<String, Map<String, Object>>) operation.get("responses")).forEach((status, response) -> {
                if (response.containsKey("$ref")) {
                    return;
                }
                Map<String, Map<String, Object>> content = (Map<String, Map<String, Object>>) response.get("content");
                boolean error = status.startsWith("4") || status.startsWith("5");
                if (error && (content == null || content.isEmpty())) {
                    gaps.add(where + ": " + status + " has no body schema");
                }
                if (content != null) {
                    content.forEach((media, mediaType) -> {
                        if (mediaType.get("schema") == null) {
                            gaps.add(where + ": " + status + " " + media + " has no schema");
                        }
                    });
                }
                ((Map<String, Map<String, Object>>) response.getOrDefault("headers", Map.of())).forEach((name, header) -> {
                    if (!header.containsKey("$ref") && !typed((Map<String, Object>) header.get("schema"))) {
                        gaps.add(where + ": " + status + " header " + name + " has no type");
                    }
                });
            });
        }));
        assertThat(gaps).as("what a generated client would miss in the served OpenAPI document").isEmpty();
    }

    private static boolean typed(Map<String, Object> schema) {
        return schema != null && (schema.containsKey("type") || schema.containsKey("$ref")
                || schema.containsKey("oneOf") || schema.containsKey("anyOf") || schema.containsKey("allOf"));
    }

    /**
     * A JSON API path refuses a request without a token, one with a token that is not even a JWT, and one with a
     * token of the realm issued for another client (no BackCare audience), with 401
     * problem+json and a Bearer challenge (a client can tell "log in again" from other refusals).
     */
    public static void assertUnauthenticatedIsAProblem(String path) {
        String otherClients = Users.admin().tokenFor("account");
        for (var request : List.of(given(), given().header("Authorization", "Bearer not-a-jwt"),
                given().auth().oauth2(otherClients))) {
            request.get(path).then().statusCode(401)
                    .contentType("application/problem+json")
                    .header("WWW-Authenticate", containsString("Bearer"))
                    .body("status", equalTo(401))
                    .body("type", equalTo("https://backcare.example/problems/unauthenticated"))
                    .body("detail", containsString("token"));
        }
    }

    /** Every FHIR search parameter the service takes is a declared, typed parameter of its search operation. */
    public static void assertFhirSearchDeclares(String path, String... sharedParameters) {
        String[] refs = java.util.Arrays.stream(sharedParameters).map(p -> "#/components/parameters/" + p)
                .toArray(String[]::new);
        given().queryParam("format", "json").get("/q/openapi").then().statusCode(200)
                .body("paths.'" + path + "'.get.parameters.'$ref'", org.hamcrest.Matchers.hasItems(refs));
    }

    /** Readiness and liveness are UP, Prometheus metrics include {@code metric}, Swagger UI answers. */
    public static void assertOperationalEndpointsServe(String metric) {
        given().get("/q/health/ready").then().statusCode(200).body("status", equalTo("UP"));
        given().get("/q/health/live").then().statusCode(200);
        given().get("/q/metrics").then().statusCode(200).body(containsString(metric));
        given().get("/q/swagger-ui/").then().statusCode(200);
        // Requests refused before routing (no token, a rejected one, no such path) must not put the ids of their
        // path into the open metrics' labels.
        String patientId = java.util.UUID.randomUUID().toString();
        given().get("/patients/" + patientId).then().statusCode(org.hamcrest.Matchers.greaterThanOrEqualTo(400));
        given().header("Authorization", "Bearer not-a-jwt").get("/patients/" + patientId + "/check-ins")
                .then().statusCode(401);
        given().get("/no-such-path/" + patientId).then().statusCode(org.hamcrest.Matchers.greaterThanOrEqualTo(400));
        String metrics = given().get("/q/metrics").then().statusCode(200).extract().asString();
        assertThat(metrics).as("metrics labels").doesNotContain(patientId).contains("http_server_requests");
    }
}
