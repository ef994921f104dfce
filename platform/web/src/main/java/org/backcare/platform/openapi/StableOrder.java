package org.backcare.platform.openapi;

import org.eclipse.microprofile.openapi.models.Components;
import org.eclipse.microprofile.openapi.models.OpenAPI;

import java.util.TreeMap;

/**
 * Several build-time filters add shared schemas, parameters and headers, and the order in which Quarkus runs them is not
 * fixed: each filter ends by sorting them by name, so the served document (and the committed openapi.yaml) is the
 * same on every build whichever filter ran last.
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
}
