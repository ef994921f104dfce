package org.backcare.patient.fhir;

import jakarta.ws.rs.core.Response;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/** Answers a {@link FhirException} (thrown only under /fhir) with its OperationOutcome. */
public class FhirErrors {

    @ServerExceptionMapper
    public Response fhir(FhirException e) {
        Response.ResponseBuilder builder = Response.status(e.status()).type(Fhir.JSON)
                .entity(OperationOutcomes.of(e.issue(), e.getMessage()));
        e.headers().forEach(builder::header);
        return builder.build();
    }
}
