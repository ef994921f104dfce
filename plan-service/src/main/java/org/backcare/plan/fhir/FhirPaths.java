package org.backcare.plan.fhir;

import jakarta.ws.rs.container.ContainerRequestContext;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

import java.net.URI;

/**
 * Many HTTP clients percent-encode the '$' of FHIR operations ({@code /fhir/%24export}); the router compares literal
 * path segments undecoded, so such a request would miss {@code /fhir/$export}. This puts the '$' back first.
 */
public class FhirPaths {

    @ServerRequestFilter(preMatching = true)
    public void decodeOperationDollar(ContainerRequestContext request) {
        URI uri = request.getUriInfo().getRequestUri();
        String path = uri.getRawPath();
        if (path == null || !path.contains("/fhir/") || !path.toUpperCase().contains("%24")) {
            return;
        }
        String decoded = path.replace("%24", "$");
        String query = uri.getRawQuery();
        request.setRequestUri(URI.create(uri.getScheme() + "://" + uri.getRawAuthority() + decoded
                + (query != null ? "?" + query : "")));
    }
}
