package org.backcare.tracking.fhir;

import org.backcare.platform.fhir.FhirCallers;
import org.backcare.platform.fhir.Fhir;
import org.backcare.platform.fhir.OperationOutcomes;
import io.quarkus.security.AuthenticationFailedException;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.Router;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.hl7.fhir.r4.model.OperationOutcome.IssueType;

/**
 * HTTP-level handling of /fhir that happens before any resource is reached (as in patient-service).
 *
 * <p>A rejected access token (expired, badly signed, not a JWT) fails before any resource is reached, and Quarkus
 * answers a bare 401. Under /fhir the answer must be an OperationOutcome: this failure handler writes one.
 * Other paths keep Quarkus's answer. (A request without any token reaches the resource as anonymous and is refused
 * by {@link FhirCallers}; the percent-encoded {@code $} is handled by {@link FhirPathDecoder}.)
 */
@ApplicationScoped
public class FhirRoutes {

    void register(@Observes Router router) {
        router.route("/fhir/*").order(-1).failureHandler(rc -> {
            if (rc.failure() instanceof AuthenticationFailedException && !rc.response().headWritten()) {
                rc.response().setStatusCode(401)
                        .putHeader(HttpHeaders.CONTENT_TYPE, Fhir.JSON)
                        .putHeader("WWW-Authenticate", "Bearer")
                        .end(Fhir.json().encodeResourceToString(OperationOutcomes.of(IssueType.LOGIN, "the access token was rejected; send a valid bearer token")));
            } else {
                rc.next();
            }
        });
    }
}
