package org.backcare.platform.fhir;

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
 * HTTP-level handling of /fhir before any resource is reached, the same in every service.
 *
 * <p>FHIR operation names start with {@code $}, which many clients send percent-encoded ({@code %24export}); Quarkus
 * REST matches the path as sent, so such a request is routed again with the {@code $} spelled out.
 *
 * <p>A missing or rejected access token fails before any resource is reached, and Quarkus would answer a bare 401.
 * Under /fhir the answer is an OperationOutcome with a Bearer challenge; only the CapabilityStatement, the SMART
 * configuration (and CORS preflights) need no token. Other paths keep Quarkus's answer.
 */
@ApplicationScoped
public class FhirRoutes {

    static final String METADATA = Fhir.ROOT + "/metadata";
    static final String SMART_CONFIGURATION = Fhir.ROOT + "/" + SmartConfigurationResource.PATH;

    void register(@Observes Router router) {
        router.route(Fhir.ROOT + "/*").order(-2).handler(rc -> {
            String path = rc.request().path();
            if (path.contains("%24")) {
                String query = rc.request().query();
                rc.reroute(path.replace("%24", "$") + (query == null ? "" : "?" + query));
            } else if (needsToken(rc) && rc.request().getHeader(HttpHeaders.AUTHORIZATION) == null) {
                unauthorized(rc, "send a valid bearer access token");
            } else {
                rc.next();
            }
        });
        router.route(Fhir.ROOT + "/*").order(-1).failureHandler(rc -> {
            Throwable failure = rc.failure();
            if ((failure instanceof AuthenticationFailedException || failure instanceof UnauthorizedException)
                    && !rc.response().headWritten()) {
                unauthorized(rc, "the access token was rejected; send a valid bearer access token");
            } else {
                rc.next();
            }
        });
    }

    private static boolean needsToken(RoutingContext rc) {
        String path = rc.request().path();
        return rc.request().method() != HttpMethod.OPTIONS && !path.equals(METADATA) && !path.equals(SMART_CONFIGURATION);
    }

    private static void unauthorized(RoutingContext rc, String diagnostics) {
        rc.response().setStatusCode(401)
                .putHeader(HttpHeaders.CONTENT_TYPE, Fhir.JSON)
                .putHeader("WWW-Authenticate", "Bearer")
                .end(Fhir.json().encodeResourceToString(OperationOutcomes.of(IssueType.LOGIN, diagnostics)));
    }
}
