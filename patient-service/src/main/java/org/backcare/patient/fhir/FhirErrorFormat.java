package org.backcare.patient.fhir;

import jakarta.inject.Singleton;
import jakarta.ws.rs.core.Response;
import org.backcare.platform.problem.ErrorFormat;

/** The FHIR API answers every error as an OperationOutcome, never as problem+json. */
@Singleton
public class FhirErrorFormat implements ErrorFormat {

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
            case 406 -> "this FHIR API answers only in application/fhir+json";
            default -> problemDetail;
        };
    }
}
