package org.backcare.plan.fhir;

import org.backcare.platform.fhir.OperationOutcomes;
import org.backcare.platform.fhir.Fhir;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.UnauthorizedException;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.hl7.fhir.r4.model.OperationOutcome.IssueType;

/**
 * HTTP-level handling of /fhir before any resource is reached (the same as patient-service's).
 *
 * <p>FHIR operation names start with {@code $}, which many clients send percent-encoded ({@code %24export}); Quarkus
 * REST matches the path as sent, so such a request is routed again with the {@code $} spelled out.
 *
 * <p>A missing or rejected access token fails before any resource is reached, and Quarkus answers a bare 401. Under
 * /fhir the answer must be an OperationOutcome: this failure handler writes one. Other paths keep Quarkus's answer.
 */
@ApplicationScoped
public class FhirRoutes {

    void register(@Observes Router router) {
        router.route("/fhir/*").order(-2).handler(rc -> {
            String path = rc.request().path();
            if (path.contains("%24")) {
                String query = rc.request().query();
                rc.reroute(path.replace("%24", "$") + (query == null ? "" : "?" + query));
            } else if (rc.request().method() != HttpMethod.OPTIONS && !path.equals("/fhir/metadata")
                    && rc.request().getHeader(HttpHeaders.AUTHORIZATION) == null) {
                // No token at all: the security layer would answer a bare 401 challenge.
                unauthorized(rc);
            } else {
                rc.next();
            }
        });
        router.route("/fhir/*").order(-1).failureHandler(rc -> {
            Throwable failure = rc.failure();
            if ((failure instanceof AuthenticationFailedException || failure instanceof UnauthorizedException)
                    && !rc.response().headWritten()) {
                unauthorized(rc);
            } else {
                rc.next();
            }
        });
    }

    private static void unauthorized(RoutingContext rc) {
        rc.response().setStatusCode(401)
                .putHeader(HttpHeaders.CONTENT_TYPE, Fhir.JSON)
                .putHeader("WWW-Authenticate", "Bearer")
                .end(Fhir.json().encodeResourceToString(OperationOutcomes.of(IssueType.LOGIN,
                        "a valid bearer access token is required")));
    }
}
