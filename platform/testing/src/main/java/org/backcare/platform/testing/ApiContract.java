package org.backcare.platform.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

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

    /** Readiness and liveness are UP, Prometheus metrics include {@code metric}, Swagger UI answers. */
    public static void assertOperationalEndpointsServe(String metric) {
        given().get("/q/health/ready").then().statusCode(200).body("status", equalTo("UP"));
        given().get("/q/health/live").then().statusCode(200);
        given().get("/q/metrics").then().statusCode(200).body(containsString(metric));
        given().get("/q/swagger-ui/").then().statusCode(200);
    }
}
