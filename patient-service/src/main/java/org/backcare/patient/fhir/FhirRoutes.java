package org.backcare.patient.fhir;

import org.backcare.platform.fhir.Fhir;
import org.backcare.platform.fhir.OperationOutcomes;
import io.quarkus.security.AuthenticationFailedException;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.Router;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.hl7.fhir.r4.model.OperationOutcome.IssueType;

/**
 * HTTP-level handling of /fhir that happens before any resource is reached.
 *
 * <p>FHIR operation names start with {@code $}, which many clients send percent-encoded ({@code %24export}); Quarkus
 * REST matches the path as sent, so such a request is routed again with the {@code $} spelled out.
 *
 * <p>A rejected access token (expired, badly signed, not a JWT) fails before any resource is reached, and Quarkus
 * answers a bare 401. Under /fhir the answer must be an OperationOutcome: this failure handler writes one.
 * Other paths keep Quarkus's answer.
 */
@ApplicationScoped
public class FhirRoutes {

    void register(@Observes Router router) {
        router.route(Fhir.ROOT + "/*").order(-2).handler(rc -> {
            String path = rc.request().path();
            if (path.contains("%24")) {
                String query = rc.request().query();
                rc.reroute(path.replace("%24", "$") + (query == null ? "" : "?" + query));
            } else {
                rc.next();
            }
        });
        router.route(Fhir.ROOT + "/*").order(-1).failureHandler(rc -> {
            if (rc.failure() instanceof AuthenticationFailedException && !rc.response().headWritten()) {
                rc.response().setStatusCode(401)
                        .putHeader(HttpHeaders.CONTENT_TYPE, Fhir.JSON)
                        .putHeader("WWW-Authenticate", "Bearer")
                        .end(Fhir.json().encodeResourceToString(
                                OperationOutcomes.of(IssueType.LOGIN, "the access token was rejected; send a valid bearer token")));
            } else {
                rc.next();
            }
        });
    }
}
