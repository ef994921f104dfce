package org.backcare.tracking.fhir;

import io.quarkus.vertx.http.runtime.filters.Filters;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Singleton;

/**
 * Clients (and HTTP libraries) often send {@code $export} percent-encoded as {@code %24export}; the JAX-RS router
 * matches the raw path, so such a request would land on {@code /fhir/{type}}. Reroute /fhir paths with {@code %24}
 * to the decoded form before routing.
 */
@Singleton
public class FhirPathDecoder {

    void register(@Observes Filters filters) {
        filters.register(rc -> {
            String path = rc.request().path();
            if (path != null && path.startsWith("/fhir/") && (path.contains("%24"))) {
                String query = rc.request().query();
                rc.reroute(path.replace("%24", "$") + (query == null ? "" : "?" + query));
                return;
            }
            rc.next();
        }, 900);
    }
}
