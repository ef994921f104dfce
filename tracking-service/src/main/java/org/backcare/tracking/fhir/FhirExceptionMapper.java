package org.backcare.tracking.fhir;

import jakarta.ws.rs.core.Response;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/** Answers a {@link FhirException} with its OperationOutcome; other failures under /fhir go through ProblemMappers' path check. */
public class FhirExceptionMapper {

    @ServerExceptionMapper
    public Response fhir(FhirException e) {
        return OperationOutcomes.response(e);
    }
}
