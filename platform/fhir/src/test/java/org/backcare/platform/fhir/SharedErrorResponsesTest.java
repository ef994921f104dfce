package org.backcare.platform.fhir;

import org.backcare.platform.openapi.ContractOpenApi;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.responses.APIResponse;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * SmallRye shares one 401 response object among all secured operations; the JSON API's and the FHIR API's filters
 * must each type their own operations' copy, whichever runs first (a clean build once ran them in the other order and
 * served OperationOutcome on the JSON API's 401s).
 */
class SharedErrorResponsesTest {

    @ParameterizedTest
    @ValueSource(booleans = {true, false})
    void eachApiTypesItsOwnCopyOfASharedErrorAnswer(boolean fhirFilterFirst) {
        APIResponse shared = OASFactory.createAPIResponse().description("Not Authorized");
        OpenAPI openAPI = OASFactory.createOpenAPI().paths(OASFactory.createPaths()
                .addPathItem("/fhir/CarePlan", OASFactory.createPathItem().GET(operation(shared)))
                .addPathItem("/plans", OASFactory.createPathItem().GET(operation(shared))));

        List<OASFilter> filters = fhirFilterFirst
                ? List.of(new FhirOpenApi(), new ContractOpenApi())
                : List.of(new ContractOpenApi(), new FhirOpenApi());
        filters.forEach(filter -> filter.filterOpenAPI(openAPI));

        assertThat(unauthorized(openAPI, "/plans").getContent().getMediaTypes()).containsOnlyKeys("application/problem+json");
        assertThat(unauthorized(openAPI, "/fhir/CarePlan").getContent().getMediaTypes()).containsOnlyKeys(Fhir.JSON);
        assertThat(unauthorized(openAPI, "/plans").getDescription()).isEqualTo("Not Authorized");
    }

    private static org.eclipse.microprofile.openapi.models.Operation operation(APIResponse unauthorized) {
        return OASFactory.createOperation().responses(OASFactory.createAPIResponses()
                .addAPIResponse("200", OASFactory.createAPIResponse().description("OK"))
                .addAPIResponse("401", unauthorized));
    }

    private static APIResponse unauthorized(OpenAPI openAPI, String path) {
        return openAPI.getPaths().getPathItem(path).getGET().getResponses().getAPIResponse("401");
    }
}
