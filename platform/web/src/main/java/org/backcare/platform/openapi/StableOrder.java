package org.backcare.platform.openapi;

import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.models.Components;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.responses.APIResponse;

import java.util.LinkedHashMap;
import java.util.TreeMap;

/**
 * Several build-time filters add shared schemas, parameters and headers, and the order in which Quarkus runs them is not
 * fixed: each filter ends by sorting them by name, so the served document (and the committed openapi.yaml) is the
 * same on every build whichever filter ran last. A filter that fills in a response works on the operation's own copy
 * ({@link #ownResponse}), so which filter reaches a shared response first decides nothing either.
 */
public final class StableOrder {

    private StableOrder() {
    }

    public static void sortSharedComponents(OpenAPI openAPI) {
        Components components = openAPI.getComponents();
        if (components == null) {
            return;
        }
        // Taken out and put back in one order: the document lists them in the order they were first added.
        var schemas = components.getSchemas() == null ? null : new TreeMap<>(components.getSchemas());
        var parameters = components.getParameters() == null ? null : new TreeMap<>(components.getParameters());
        var headers = components.getHeaders() == null ? null : new TreeMap<>(components.getHeaders());
        components.setSchemas(null);
        components.setParameters(null);
        components.setHeaders(null);
        components.setSchemas(schemas);
        components.setParameters(parameters);
        components.setHeaders(headers);
    }

    /**
     * The operation's own copy of one of its responses, put in place of the original. Quarkus gives every secured
     * operation the same 401 and 403 objects: filling one in place would type it for every operation at once, as
     * problem+json or as OperationOutcome depending on which filter got there first.
     */
    public static APIResponse ownResponse(Operation operation, String status, APIResponse response) {
        APIResponse copy = OASFactory.createAPIResponse()
                .description(response.getDescription())
                .content(response.getContent())
                .headers(response.getHeaders() == null ? null : new LinkedHashMap<>(response.getHeaders()))
                .links(response.getLinks() == null ? null : new LinkedHashMap<>(response.getLinks()))
                .extensions(response.getExtensions() == null ? null : new LinkedHashMap<>(response.getExtensions()));
        operation.getResponses().addAPIResponse(status, copy);
        return copy;
    }
}
