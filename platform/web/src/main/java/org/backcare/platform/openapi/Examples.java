package org.backcare.platform.openapi;

import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.media.Schema;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Assembles an example document from the examples of a schema's fields, following $refs a few levels deep. */
final class Examples {

    private static final int MAX_DEPTH = 4;
    private static final String PREFIX = "#/components/schemas/";

    private Examples() {
    }

    /** The example, or null when no field of the schema has one. */
    static Object of(OpenAPI openAPI, Schema schema) {
        return of(openAPI, schema, 0);
    }

    private static Object of(OpenAPI openAPI, Schema schema, int depth) {
        if (schema == null || depth > MAX_DEPTH) {
            return null;
        }
        Object own = own(schema);
        if (own != null) {
            return own;
        }
        if (schema.getRef() != null) {
            String ref = schema.getRef();
            String name = ref.startsWith(PREFIX) ? ref.substring(PREFIX.length()) : ref;
            Map<String, Schema> schemas = openAPI.getComponents() == null ? null : openAPI.getComponents().getSchemas();
            return schemas == null ? null : of(openAPI, schemas.get(name), depth + 1);
        }
        if (schema.getEnumeration() != null && !schema.getEnumeration().isEmpty()) {
            return schema.getEnumeration().get(0);
        }
        if (schema.getItems() != null) {
            Object item = of(openAPI, schema.getItems(), depth + 1);
            return item == null ? null : List.of(item);
        }
        if (schema.getOneOf() != null && !schema.getOneOf().isEmpty()) {
            return of(openAPI, schema.getOneOf().get(0), depth + 1);
        }
        if (schema.getProperties() == null) {
            return null;
        }
        Map<String, Object> example = new LinkedHashMap<>();
        schema.getProperties().forEach((name, property) -> {
            Object value = of(openAPI, property, depth + 1);
            if (value != null) {
                example.put(name, value);
            }
        });
        return example.isEmpty() ? null : example;
    }

    @SuppressWarnings("deprecation")
    private static Object own(Schema schema) {
        if (schema.getExamples() != null && !schema.getExamples().isEmpty()) {
            return schema.getExamples().get(0);
        }
        return schema.getExample();
    }
}
