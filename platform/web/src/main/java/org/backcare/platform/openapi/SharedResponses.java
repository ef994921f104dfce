package org.backcare.platform.openapi;

import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.media.Content;
import org.eclipse.microprofile.openapi.models.responses.APIResponse;

/**
 * SmallRye adds the 401 and 403 answers of secured operations as one response object shared by all of them. A filter
 * that typed that object in place would type it for every operation at once (an OperationOutcome on a JSON API, or
 * problem+json under /fhir, depending on which filter ran first), so a filter gives an operation its own copy.
 */
public final class SharedResponses {

    private SharedResponses() {
    }

    public static void setContent(Operation operation, String status, APIResponse response, Content content) {
        APIResponse own = OASFactory.createAPIResponse()
                .description(response.getDescription())
                .headers(response.getHeaders())
                .links(response.getLinks())
                .extensions(response.getExtensions())
                .content(content);
        operation.getResponses().addAPIResponse(status, own);
    }
}
