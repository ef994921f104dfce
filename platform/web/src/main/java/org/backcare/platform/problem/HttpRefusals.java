package org.backcare.platform.problem;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.UnauthorizedException;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Singleton;
import org.backcare.platform.web.SecurityHeaders;

/**
 * Refusals of the HTTP layer, before any resource runs, that Quarkus would answer with an empty body: a rejected bearer
 * token (expired, wrong issuer or audience, bad signature) is a 401 problem+json with a Bearer challenge, like the 401
 * of a missing token mapped in {@link ProblemMappers}. Paths with their own error format (FHIR) have answered before
 * this handler runs. (Vert.x's HTTP codec still answers a path it cannot decode (400), a request line or headers too
 * long (414, 431) and a chunked body past the limit (413) before any route, with no body.)
 */
@Singleton
public class HttpRefusals {

    static final String CHALLENGE = "Bearer";

    private final ObjectMapper json;
    private final Instance<ErrorFormat> formats;

    public HttpRefusals(ObjectMapper json, Instance<ErrorFormat> formats) {
        this.json = json;
        this.formats = formats;
    }

    void register(@Observes Router router) {
        router.route().order(0).failureHandler(rc -> {
            Throwable failure = rc.failure();
            if (rc.response().headWritten() || formats.stream().anyMatch(f -> f.owns(rc.request().path()))) {
                rc.next();
            } else if (failure instanceof AuthenticationFailedException || failure instanceof UnauthorizedException) {
                answer(rc, ProblemType.UNAUTHENTICATED, "the access token was rejected (expired, not issued for "
                        + "BackCare, or not signed by its realm); send a valid bearer access token");
            } else {
                rc.next();
            }
        });
    }

    private void answer(RoutingContext rc, ProblemType type, String detail) {
        String body;
        try {
            body = json.writeValueAsString(new Problem(type.uri(), type.title(), type.status(), detail,
                    rc.request().path(), null));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
        SecurityHeaders.applyTo(rc.response());
        if (type == ProblemType.UNAUTHENTICATED) {
            rc.response().putHeader("WWW-Authenticate", CHALLENGE);
        }
        rc.response().setStatusCode(type.status())
                .putHeader(HttpHeaders.CONTENT_TYPE, Problem.MEDIA_TYPE)
                .end(body);
    }
}
