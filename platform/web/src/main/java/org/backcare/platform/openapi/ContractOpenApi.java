package org.backcare.platform.openapi;

import io.quarkus.smallrye.openapi.OpenApiFilter;
import org.backcare.platform.problem.Problem;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.PathItem;
import org.eclipse.microprofile.openapi.models.headers.Header;
import org.eclipse.microprofile.openapi.models.media.Content;
import org.eclipse.microprofile.openapi.models.media.MediaType;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.eclipse.microprofile.openapi.models.parameters.Parameter;
import org.eclipse.microprofile.openapi.models.responses.APIResponse;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What every service's OpenAPI document promises a generated client, written once instead of on each of the 84
 * operations: every error answer is typed (problem+json, or what the operation already declares), every parameter
 * and header has a type, and an operation that answers with an ETag declares it together with the conditional
 * request that uses it (If-None-Match and 304 on reads). Runs at build time after the annotations are read; the
 * FHIR API's own media types are filled in by platform-fhir's filter.
 */
@OpenApiFilter(stages = OpenApiFilter.RunStage.BUILD)
public class ContractOpenApi implements OASFilter {

    static final String ETAG = "ETag";
    static final String IF_NONE_MATCH = "IfNoneMatch";

    private static final Map<String, String> STANDARD_ERRORS = Map.of(
            "400", "The request is malformed or a parameter is invalid",
            "401", "No valid bearer token: send an access token issued by the BackCare realm",
            "403", "The caller's role or care-team membership does not allow this",
            "404", "No such resource, or not one the caller may see",
            "409", "Conflicts with the current state",
            "412", "If-Match does not match the current version: read it again and reapply the change",
            "422", "Well-formed but refused by a domain rule",
            "428", "This change needs an If-Match header with the version it is based on",
            "503", "The database is out of reach (for example during a restart); retry after Retry-After seconds");

    @Override
    public void filterOpenAPI(OpenAPI openAPI) {
        if (openAPI.getPaths() == null || openAPI.getPaths().getPathItems() == null) {
            return;
        }
        boolean anyETag = false;
        for (Map.Entry<String, PathItem> path : openAPI.getPaths().getPathItems().entrySet()) {
            for (Map.Entry<PathItem.HttpMethod, Operation> entry : path.getValue().getOperations().entrySet()) {
                Operation operation = entry.getValue();
                typeParameters(operation);
                typeResponses(operation, isFhir(path.getKey()));
                anyETag |= declareConditionalRequests(entry.getKey(), operation);
                if (!isFhir(path.getKey())) {
                    // FHIR answers are typed by platform-fhir's filter, which may run before or after this one.
                    exemplify(openAPI, operation);
                }
            }
        }
        if (anyETag) {
            components(openAPI).addHeader(ETAG, OASFactory.createHeader()
                    .description("The version of the representation, for If-Match on a change and If-None-Match "
                            + "on a read")
                    .schema(string().example("\"3\"")));
            components(openAPI).addParameter(IF_NONE_MATCH, OASFactory.createParameter()
                    .name("If-None-Match").in(Parameter.In.HEADER).required(false)
                    .description("The ETag of a representation the client holds: 304 Not Modified, with no body, "
                            + "while it is still current")
                    .schema(string().example("\"3\"")));
        }
        StableOrder.sortSharedComponents(openAPI);
    }

    /**
     * A request body or a 2xx JSON answer without an example gets one assembled from its schema's field examples
     * (each written next to its field, in the record), so every operation shows a client what to send and expect.
     */
    private static void exemplify(OpenAPI openAPI, Operation operation) {
        if (operation.getRequestBody() != null && operation.getRequestBody().getRef() == null) {
            exemplify(openAPI, operation.getRequestBody().getContent());
        }
        if (operation.getResponses() != null && operation.getResponses().getAPIResponses() != null) {
            operation.getResponses().getAPIResponses().forEach((status, response) -> {
                if (status.startsWith("2") && response.getRef() == null) {
                    exemplify(openAPI, response.getContent());
                }
            });
        }
    }

    private static void exemplify(OpenAPI openAPI, Content content) {
        if (isEmpty(content)) {
            return;
        }
        for (MediaType media : content.getMediaTypes().values()) {
            boolean hasExample = media.getExample() != null
                    || (media.getExamples() != null && !media.getExamples().isEmpty());
            if (!hasExample && media.getSchema() != null) {
                Object example = Examples.of(openAPI, media.getSchema());
                if (example != null) {
                    media.setExample(example);
                }
            }
        }
    }

    /** {@code {id}} was published as {@code format: uuid} with no type, so generators fell back to Object / any. */
    private static void typeParameters(Operation operation) {
        if (operation.getParameters() == null) {
            return;
        }
        for (Parameter parameter : operation.getParameters()) {
            if (parameter.getRef() == null) {
                parameter.setSchema(typed(parameter.getSchema()));
            }
        }
    }

    private static void typeResponses(Operation operation, boolean fhir) {
        if (operation.getResponses() == null || operation.getResponses().getAPIResponses() == null) {
            return;
        }
        for (Map.Entry<String, APIResponse> entry : new LinkedHashMap<>(operation.getResponses().getAPIResponses()).entrySet()) {
            APIResponse response = entry.getValue();
            if (response.getRef() != null) {
                continue;
            }
            String status = entry.getKey();
            boolean error = status.startsWith("4") || status.startsWith("5");
            if (error && ((!fhir && isEmpty(response.getContent()))
                    || response.getDescription() == null || response.getDescription().isBlank())) {
                response = StableOrder.ownResponse(operation, status, response);
            }
            if (response.getHeaders() != null) {
                for (Header header : response.getHeaders().values()) {
                    if (header.getRef() == null) {
                        header.setSchema(typed(header.getSchema()));
                    }
                }
            }
            if (error && !fhir && isEmpty(response.getContent())) {
                response.setContent(OASFactory.createContent().addMediaType(Problem.MEDIA_TYPE,
                        OASFactory.createMediaType().schema(OASFactory.createSchema().ref("Problem"))));
            }
            if (error && (response.getDescription() == null || response.getDescription().isBlank())) {
                response.setDescription(STANDARD_ERRORS.getOrDefault(status, "Refused"));
            }
        }
    }

    /**
     * An ETag on a 2xx answer is declared once (components/headers/ETag); a read that sends one honours
     * If-None-Match, so the parameter and the 304 are declared with it.
     */
    private static boolean declareConditionalRequests(PathItem.HttpMethod method, Operation operation) {
        if (operation.getResponses() == null || operation.getResponses().getAPIResponses() == null) {
            return false;
        }
        boolean sendsETag = false;
        for (Map.Entry<String, APIResponse> entry : operation.getResponses().getAPIResponses().entrySet()) {
            Map<String, Header> headers = entry.getValue().getHeaders();
            if (entry.getKey().startsWith("2") && headers != null && headers.containsKey(ETAG)) {
                Header declared = headers.get(ETAG);
                if (declared.getRef() == null) {
                    String description = declared.getDescription();
                    entry.getValue().addHeader(ETAG, OASFactory.createHeader().ref(ETAG).description(description));
                }
                sendsETag = true;
            }
        }
        if (sendsETag && method == PathItem.HttpMethod.GET) {
            boolean declared = operation.getParameters() != null && operation.getParameters().stream().anyMatch(p ->
                    IF_NONE_MATCH.equals(refName(p)) || "If-None-Match".equalsIgnoreCase(p.getName()));
            if (!declared) {
                operation.addParameter(OASFactory.createParameter().ref(IF_NONE_MATCH));
            }
            if (!operation.getResponses().hasAPIResponse("304")) {
                operation.getResponses().addAPIResponse("304", OASFactory.createAPIResponse()
                        .description("Not modified since the ETag in If-None-Match (no body)")
                        .addHeader(ETAG, OASFactory.createHeader().ref(ETAG)));
            }
        }
        return sendsETag;
    }

    /** The FHIR API answers OperationOutcome, not problem+json: platform-fhir's filter types it. */
    private static boolean isFhir(String path) {
        return path.equals("/fhir") || path.startsWith("/fhir/");
    }

    private static String refName(Parameter parameter) {
        String ref = parameter.getRef();
        return ref == null ? null : ref.substring(ref.lastIndexOf('/') + 1);
    }

    /** A schema with a format or nothing at all but no type is a string (uuid, date, a header value). */
    private static Schema typed(Schema schema) {
        if (schema == null) {
            return string();
        }
        boolean untyped = (schema.getType() == null || schema.getType().isEmpty()) && schema.getRef() == null
                && schema.getOneOf() == null && schema.getAnyOf() == null && schema.getAllOf() == null;
        if (untyped) {
            schema.setType(List.of(Schema.SchemaType.STRING));
        }
        return schema;
    }

    private static Schema string() {
        return OASFactory.createSchema().type(List.of(Schema.SchemaType.STRING));
    }

    private static boolean isEmpty(Content content) {
        return content == null || content.getMediaTypes() == null || content.getMediaTypes().isEmpty();
    }

    private static org.eclipse.microprofile.openapi.models.Components components(OpenAPI openAPI) {
        if (openAPI.getComponents() == null) {
            openAPI.setComponents(OASFactory.createComponents());
        }
        return openAPI.getComponents();
    }
}
