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
        if (components.getSchemas() != null) {
            components.setSchemas(new TreeMap<>(components.getSchemas()));
        }
        if (components.getParameters() != null) {
            components.setParameters(new TreeMap<>(components.getParameters()));
        }
        if (components.getHeaders() != null) {
            components.setHeaders(new TreeMap<>(components.getHeaders()));
        }
    }
}
