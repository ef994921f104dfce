package org.backcare.platform.web;

import jakarta.ws.rs.HttpMethod;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.core.EntityTag;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.Provider;

/**
 * If-None-Match on every read that answers an ETag, JSON and FHIR alike (RFC 9110 13.1.2): when the client already
 * holds the current version, the answer is 304 with the ETag and no body. One filter instead of a check in each
 * resource, so a new read with an ETag cannot forget it (the OpenAPI documents promise the 304 on all of them).
 */
@Provider
public class ConditionalReads implements ContainerResponseFilter {

    @Override
    public void filter(ContainerRequestContext request, ContainerResponseContext response) {
        if (response.getStatus() != Response.Status.OK.getStatusCode()
                || !(HttpMethod.GET.equals(request.getMethod()) || HttpMethod.HEAD.equals(request.getMethod()))) {
            return;
        }
        EntityTag current = response.getEntityTag();
        if (current == null || !matches(request.getHeaderString(HttpHeaders.IF_NONE_MATCH), current.getValue())) {
            return;
        }
        response.setStatus(Response.Status.NOT_MODIFIED.getStatusCode());
        response.setEntity(null);
        response.getHeaders().remove(HttpHeaders.CONTENT_TYPE);
        response.getHeaders().remove(HttpHeaders.CONTENT_LENGTH);
    }

    /**
     * Weak comparison, as If-None-Match requires: {@code W/"3"} matches {@code "3"}; {@code *} matches any current
     * version; a list matches when one of its tags does.
     */
    static boolean matches(String ifNoneMatch, String currentOpaqueTag) {
        if (ifNoneMatch == null || ifNoneMatch.isBlank()) {
            return false;
        }
        for (String candidate : ifNoneMatch.split(",")) {
            String tag = candidate.trim();
            if (tag.equals("*")) {
                return true;
            }
            if (tag.startsWith("W/")) {
                tag = tag.substring(2);
            }
            if (tag.length() >= 2 && tag.startsWith("\"") && tag.endsWith("\"")
                    && tag.substring(1, tag.length() - 1).equals(currentOpaqueTag)) {
                return true;
            }
        }
        return false;
    }
}
