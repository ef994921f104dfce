package org.backcare.tracking.fhir;

import jakarta.inject.Singleton;
import jakarta.ws.rs.core.Response;
import org.backcare.platform.problem.ErrorFormat;

/** The FHIR API answers its errors as OperationOutcome, like any FHIR server. */
@Singleton
public class FhirErrorFormat implements ErrorFormat {

    @Override
    public boolean owns(String path) {
        return OperationOutcomes.isFhirPath(path);
    }

    @Override
    public Response error(int status, String detail) {
        return OperationOutcomes.response(status, detail);
    }

    @Override
    public String refusal(int status, String path, String problemDetail) {
        return status == 406 ? "this resource answers only in application/fhir+json or application/json" : problemDetail;
    }
}
