package org.backcare.platform.fhir;

import jakarta.inject.Singleton;
import jakarta.ws.rs.core.Response;
import org.backcare.platform.problem.ErrorFormat;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/**
 * Every error under /fhir is an OperationOutcome, never problem+json, like any FHIR server: a {@link FhirException}
 * maps directly, and every other failure (validation, access, unknown path, server fault) reaches the client through
 * the problem mappers, which hand /fhir paths to this format.
 */
@Singleton
public class FhirErrors implements ErrorFormat {

    @ServerExceptionMapper
    public Response fhir(FhirException e) {
        return OperationOutcomes.response(e);
    }

    @Override
    public boolean owns(String path) {
        return Fhir.isFhirPath(path);
    }

    @Override
    public Response error(int status, String detail) {
        return OperationOutcomes.response(status, detail);
    }

    @Override
    public String refusal(int status, String path, String problemDetail) {
        return switch (status) {
            case 404 -> "no FHIR resource or operation at " + path;
            case 406 -> "this FHIR API answers in application/fhir+json (or application/json)";
            default -> problemDetail;
        };
    }
}
