package org.backcare.platform.web;

import io.vertx.core.http.HttpServerResponse;
import io.vertx.ext.web.Router;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Singleton;

import java.util.Map;

/**
 * The response headers every answer carries, set before any handler runs, so JSON, FHIR, errors and the refusals of
 * the HTTP layer all have them. Every answer here is patient data or about it: nothing may be kept by a browser or a
 * shared cache ({@code no-store}, not {@code no-cache, private}: a client that wants to revalidate keeps the ETag itself
 * and still gets 304 for If-None-Match and 412 for a stale If-Match), sniffed into another type, framed by another
 * site or leak its URL (which holds patient ids) to the next site visited.
 */
@Singleton
public class SecurityHeaders {

    static final Map<String, String> HEADERS = Map.of(
            "Cache-Control", "no-store",
            "X-Content-Type-Options", "nosniff",
            "X-Frame-Options", "DENY",
            "Content-Security-Policy", "frame-ancestors 'none'",
            "Referrer-Policy", "no-referrer");

    /** Sets the headers on a response, e.g. one written by a failure handler before any route ran. */
    public static void applyTo(HttpServerResponse response) {
        HEADERS.forEach((name, value) -> response.headers().set(name, value));
    }

    void register(@Observes Router router) {
        router.route().order(Integer.MIN_VALUE).handler(rc -> {
            applyTo(rc.response());
            rc.next();
        });
    }
}
