package org.backcare.platform.fhir;

import io.quarkus.smallrye.openapi.OpenApiFilter;
import org.backcare.platform.openapi.SharedResponses;
import org.backcare.platform.openapi.StableOrder;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.Components;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.PathItem;
import org.eclipse.microprofile.openapi.models.media.MediaType;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.eclipse.microprofile.openapi.models.responses.APIResponse;

import java.util.List;
import java.util.Map;

/**
 * Types the FHIR API for generated clients. The resources are HAPI objects the scanner cannot describe, so every
 * application/fhir+json answer without a schema gets one: a Bundle for searches, OperationOutcome for errors and
 * Bulk Data kick-off/cancel, a FHIR resource otherwise. The schemas name the members a client navigates by
 * (resourceType, id, meta, entry, issue) and admit the rest of the resource, whose full definition is the FHIR R4
 * JSON schema (externalDocs); NDJSON export files are text.
 */
@OpenApiFilter(stages = OpenApiFilter.RunStage.BUILD)
public class FhirOpenApi implements OASFilter {

    static final String RESOURCE = "FhirResource";
    static final String BUNDLE = "FhirBundle";
    static final String OUTCOME = "OperationOutcome";
    public static final String SEARCH_PARAMETERS = "x-fhir-search-parameters";

    @Override
    public void filterOpenAPI(OpenAPI openAPI) {
        if (openAPI.getPaths() == null || openAPI.getPaths().getPathItems() == null) {
            return;
        }
        boolean any = false;
        for (Map.Entry<String, PathItem> path : openAPI.getPaths().getPathItems().entrySet()) {
            if (!Fhir.isFhirPath(path.getKey())) {
                continue;
            }
            any = true;
            for (Map.Entry<PathItem.HttpMethod, Operation> op : path.getValue().getOperations().entrySet()) {
                type(path.getKey(), op.getKey(), op.getValue());
                declareSearchParameters(op.getValue());
            }
        }
        if (any) {
            addSchemas(components(openAPI));
            addSearchParameters(components(openAPI));
            StableOrder.sortSharedComponents(openAPI);
        }
    }

    private static void type(String path, PathItem.HttpMethod method, Operation operation) {
        if (operation.getResponses() == null || operation.getResponses().getAPIResponses() == null) {
            return;
        }
        for (Map.Entry<String, APIResponse> entry : new java.util.ArrayList<>(operation.getResponses().getAPIResponses().entrySet())) {
            APIResponse response = entry.getValue();
            if (response.getRef() != null) {
                continue;
            }
            String status = entry.getKey();
            boolean error = status.startsWith("4") || status.startsWith("5");
            if (error && (response.getContent() == null || response.getContent().getMediaTypes() == null
                    || response.getContent().getMediaTypes().isEmpty())) {
                SharedResponses.setContent(operation, status, response,
                        OASFactory.createContent().addMediaType(Fhir.JSON, OASFactory.createMediaType()));
                response = operation.getResponses().getAPIResponse(status);
            }
            if (response.getContent() == null || response.getContent().getMediaTypes() == null) {
                continue;
            }
            for (Map.Entry<String, MediaType> media : response.getContent().getMediaTypes().entrySet()) {
                if (!undescribed(media.getValue().getSchema())) {
                    continue;
                }
                if (Fhir.NDJSON.equals(media.getKey())) {
                    media.getValue().setSchema(OASFactory.createSchema().type(List.of(Schema.SchemaType.STRING))
                            .description("One FHIR resource as JSON per line"));
                } else if (Fhir.JSON.equals(media.getKey())) {
                    media.getValue().setSchema(ref(schemaFor(path, method, status, error)));
                }
            }
        }
    }

    private static String schemaFor(String path, PathItem.HttpMethod method, String status, boolean error) {
        if (error || path.contains("$export") || method == PathItem.HttpMethod.DELETE) {
            // Bulk Data kick-off (202) and cancel answer an OperationOutcome; its status poll's manifest is typed
            // by its own annotation.
            return OUTCOME;
        }
        boolean read = path.endsWith("/{id}") || path.endsWith("/metadata");
        return read ? RESOURCE : BUNDLE;
    }

    private static boolean undescribed(Schema schema) {
        return schema == null || (schema.getRef() == null && schema.getProperties() == null
                && schema.getOneOf() == null && schema.getAllOf() == null && schema.getItems() == null
                && (schema.getType() == null || schema.getType().equals(List.of(Schema.SchemaType.OBJECT))));
    }

    private static void addSchemas(Components components) {
        Schema string = OASFactory.createSchema().type(List.of(Schema.SchemaType.STRING));
        components.addSchema(RESOURCE, OASFactory.createSchema()
                .type(List.of(Schema.SchemaType.OBJECT))
                .description("A FHIR R4 resource; its other members are those of its resourceType")
                .externalDocs(OASFactory.createExternalDocumentation().url("https://hl7.org/fhir/R4/fhir.schema.json"))
                .addRequired("resourceType")
                .addProperty("resourceType", string.description("e.g. Patient, CarePlan, Observation"))
                .addProperty("id", OASFactory.createSchema().type(List.of(Schema.SchemaType.STRING)))
                .addProperty("meta", OASFactory.createSchema().type(List.of(Schema.SchemaType.OBJECT))
                        .addProperty("versionId", OASFactory.createSchema().type(List.of(Schema.SchemaType.STRING)))
                        .addProperty("lastUpdated", OASFactory.createSchema().type(List.of(Schema.SchemaType.STRING))
                                .format("date-time")))
                .additionalPropertiesBoolean(Boolean.TRUE)
                .example(ordered("resourceType", "Patient", "id", "8c1b3f50-2f55-4a0a-9f3c-3c1d2b0e6f11",
                        "meta", ordered("versionId", "3"))));
        components.addSchema(BUNDLE, OASFactory.createSchema()
                .type(List.of(Schema.SchemaType.OBJECT))
                .description("A FHIR R4 searchset Bundle; follow link[relation=next] for the next page")
                .addRequired("resourceType")
                .addProperty("resourceType", OASFactory.createSchema().type(List.of(Schema.SchemaType.STRING))
                        .enumeration(List.of("Bundle")))
                .addProperty("type", OASFactory.createSchema().type(List.of(Schema.SchemaType.STRING)))
                .addProperty("total", OASFactory.createSchema().type(List.of(Schema.SchemaType.INTEGER)))
                .addProperty("link", OASFactory.createSchema().type(List.of(Schema.SchemaType.ARRAY))
                        .items(OASFactory.createSchema().type(List.of(Schema.SchemaType.OBJECT))
                                .addProperty("relation", OASFactory.createSchema().type(List.of(Schema.SchemaType.STRING)))
                                .addProperty("url", OASFactory.createSchema().type(List.of(Schema.SchemaType.STRING)))))
                .addProperty("entry", OASFactory.createSchema().type(List.of(Schema.SchemaType.ARRAY))
                        .items(OASFactory.createSchema().type(List.of(Schema.SchemaType.OBJECT))
                                .addProperty("fullUrl", OASFactory.createSchema().type(List.of(Schema.SchemaType.STRING)))
                                .addProperty("resource", ref(RESOURCE))))
                .additionalPropertiesBoolean(Boolean.TRUE));
        components.addSchema(OUTCOME, OASFactory.createSchema()
                .type(List.of(Schema.SchemaType.OBJECT))
                .description("A FHIR R4 OperationOutcome: why the request was refused, or what happened")
                .addRequired("resourceType")
                .addProperty("resourceType", OASFactory.createSchema().type(List.of(Schema.SchemaType.STRING))
                        .enumeration(List.of("OperationOutcome")))
                .addProperty("issue", OASFactory.createSchema().type(List.of(Schema.SchemaType.ARRAY))
                        .items(OASFactory.createSchema().type(List.of(Schema.SchemaType.OBJECT))
                                .addProperty("severity", OASFactory.createSchema().type(List.of(Schema.SchemaType.STRING)))
                                .addProperty("code", OASFactory.createSchema().type(List.of(Schema.SchemaType.STRING)))
                                .addProperty("diagnostics", OASFactory.createSchema().type(List.of(Schema.SchemaType.STRING)))))
                .additionalPropertiesBoolean(Boolean.TRUE)
                .example(ordered("resourceType", "OperationOutcome", "issue", List.of(ordered(
                        "severity", "error", "code", "not-supported",
                        "diagnostics", "Unknown search parameter 'patinet'")))));
    }

    /**
     * A search names the shared parameters it takes in its {@value #SEARCH_PARAMETERS} extension
     * ({@code @Extension(name = FhirOpenApi.SEARCH_PARAMETERS, value = "FhirPatient,FhirDate")}): repeated
     * {@code @Parameter(ref = ...)} annotations would not do, as the scanner keeps only the first parameter without a
     * name. Each becomes a reference to the shared parameter, so a generated client gets them as typed arguments.
     */
    private static void declareSearchParameters(Operation operation) {
        Object names = operation.getExtensions() == null ? null : operation.getExtensions().get(SEARCH_PARAMETERS);
        if (names == null) {
            return;
        }
        // The scanner copies a method's extensions onto its responses, and onto parameters declared on the method.
        operation.removeExtension(SEARCH_PARAMETERS);
        if (operation.getParameters() != null) {
            operation.getParameters().forEach(p -> p.removeExtension(SEARCH_PARAMETERS));
        }
        if (operation.getResponses() != null) {
            operation.getResponses().removeExtension(SEARCH_PARAMETERS);
            if (operation.getResponses().getAPIResponses() != null) {
                operation.getResponses().getAPIResponses().values().forEach(r -> r.removeExtension(SEARCH_PARAMETERS));
            }
        }
        for (String name : names.toString().split(",")) {
            operation.addParameter(OASFactory.createParameter().ref(name.strip()));
        }
    }

    /** The search parameters the services support, declared once (see {@link #declareSearchParameters}). */
    private static void addSearchParameters(Components components) {
        components.addParameter("FhirPatient", query("patient", "The patient: Patient/{id} or the id",
                OASFactory.createSchema().type(List.of(Schema.SchemaType.STRING))
                        .example("Patient/8c1b3f50-2f55-4a0a-9f3c-3c1d2b0e6f11")));
        components.addParameter("FhirDate", query("date", "A date with a FHIR prefix (eq, gt, ge, lt, le); repeat "
                + "it for a range", dates()));
        components.addParameter("FhirLastUpdated", query("_lastUpdated", "When last changed, with a FHIR prefix; "
                + "repeat it for a range", dates()));
        components.addParameter("FhirCount", query("_count", "Entries per page (default 50, at most 500)",
                OASFactory.createSchema().type(List.of(Schema.SchemaType.INTEGER)).minimum(java.math.BigDecimal.ZERO)
                        .maximum(java.math.BigDecimal.valueOf(500))));
        components.addParameter("FhirOffset", query("_offset", "Entries to skip (the next link carries it)",
                OASFactory.createSchema().type(List.of(Schema.SchemaType.INTEGER)).minimum(java.math.BigDecimal.ZERO)));
        components.addParameter("FhirId", query("_id", "Resource ids, comma-separated",
                OASFactory.createSchema().type(List.of(Schema.SchemaType.STRING))));
        components.addParameter("FhirUrl", query("url", "A canonical URL (CodeSystem, Questionnaire), optionally with "
                + "|version; comma-separated for any of several", OASFactory.createSchema()
                .type(List.of(Schema.SchemaType.STRING)).example("https://backcare.example/fhir/CodeSystem/formulary")));
    }

    private static Schema dates() {
        return OASFactory.createSchema().type(List.of(Schema.SchemaType.ARRAY))
                .items(OASFactory.createSchema().type(List.of(Schema.SchemaType.STRING)).example("ge2026-11-01"));
    }

    private static org.eclipse.microprofile.openapi.models.parameters.Parameter query(String name, String description,
                                                                                      Schema schema) {
        return OASFactory.createParameter().name(name)
                .in(org.eclipse.microprofile.openapi.models.parameters.Parameter.In.QUERY)
                .required(false).description(description).schema(schema);
    }

    /** An example object whose members keep their order (Map.of's order changes from one JVM to the next). */
    private static Map<String, Object> ordered(Object... keysAndValues) {
        Map<String, Object> map = new java.util.LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            map.put((String) keysAndValues[i], keysAndValues[i + 1]);
        }
        return map;
    }

    private static Schema ref(String name) {
        return OASFactory.createSchema().ref(name);
    }

    private static Components components(OpenAPI openAPI) {
        if (openAPI.getComponents() == null) {
            openAPI.setComponents(OASFactory.createComponents());
        }
        return openAPI.getComponents();
    }
}
