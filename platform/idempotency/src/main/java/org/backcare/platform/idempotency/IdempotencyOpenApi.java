package org.backcare.platform.idempotency;

import io.quarkus.smallrye.openapi.OpenApiFilter;
import org.backcare.platform.openapi.StableOrder;
import org.backcare.platform.problem.Problem;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.PathItem;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.eclipse.microprofile.openapi.models.parameters.Parameter;
import org.eclipse.microprofile.openapi.models.responses.APIResponses;

import java.util.List;

/** Documents the optional Idempotency-Key header, and the refusals it may bring, on every POST operation. */
@OpenApiFilter(stages = OpenApiFilter.RunStage.BUILD)
public class IdempotencyOpenApi implements OASFilter {

    static final String DESCRIPTION = """
            Makes a retry safe: a request with the same key (per caller) and the same method, path and body is \
            executed once; a retry gets the first answer again (same status, body, Location and ETag, with \
            `Idempotent-Replayed: true`). Only successful answers are kept, for 24 hours by default. The same key \
            with another request answers 422; while the first request is still running, 409 with Retry-After. \
            1 to 255 visible ASCII characters, for example a random UUID.""";

    /** The header's one definition, which every POST operation refers to. */
    static final String PARAMETER = "IdempotencyKey";

    @Override
    public void filterOpenAPI(OpenAPI openAPI) {
        if (openAPI.getPaths() == null || openAPI.getPaths().getPathItems() == null) {
            return;
        }
        boolean anyPost = false;
        for (PathItem item : openAPI.getPaths().getPathItems().values()) {
            if (item.getPOST() != null) {
                document(item.getPOST());
                anyPost = true;
            }
        }
        if (anyPost) {
            if (openAPI.getComponents() == null) {
                openAPI.setComponents(OASFactory.createComponents());
            }
            openAPI.getComponents().addParameter(PARAMETER, OASFactory.createParameter()
                    .name(IdempotencyKeys.HEADER)
                    .in(Parameter.In.HEADER)
                    .required(false)
                    .description(DESCRIPTION)
                    .schema(OASFactory.createSchema().type(List.of(Schema.SchemaType.STRING))
                            .minLength(1).maxLength(IdempotencyKeys.MAX_LENGTH)
                            .example("8e03978e-40d5-43e8-bc93-6894a57f9324")));
        }
        StableOrder.sortSharedComponents(openAPI);
    }

    private static void document(Operation post) {
        post.addParameter(OASFactory.createParameter().ref(PARAMETER));
        APIResponses responses = post.getResponses();
        if (responses == null) {
            return;
        }
        if (!responses.hasAPIResponse("422")) {
            responses.addAPIResponse("422", problem(
                    "The Idempotency-Key was already used for a different request"));
        }
        if (!responses.hasAPIResponse("409")) {
            responses.addAPIResponse("409", problem(
                    "A request with this Idempotency-Key is still being processed; retry after Retry-After seconds"));
        }
    }

    private static org.eclipse.microprofile.openapi.models.responses.APIResponse problem(String description) {
        return OASFactory.createAPIResponse().description(description)
                .content(OASFactory.createContent().addMediaType(Problem.MEDIA_TYPE,
                        OASFactory.createMediaType().schema(OASFactory.createSchema().ref("Problem"))));
    }
}
