package org.backcare.tracking.fhir;

import org.hl7.fhir.r4.model.OperationOutcome.IssueType;

import java.util.Map;

/** A FHIR request that ends in a 4xx (or 5xx): answered as an OperationOutcome, never a problem document. */
public class FhirException extends RuntimeException {

    private final int status;
    private final IssueType code;
    private final Map<String, String> headers;

    public FhirException(int status, IssueType code, String diagnostics) {
        this(status, code, diagnostics, Map.of());
    }

    public FhirException(int status, IssueType code, String diagnostics, Map<String, String> headers) {
        super(diagnostics);
        this.status = status;
        this.code = code;
        this.headers = headers;
    }

    public int status() {
        return status;
    }

    public IssueType code() {
        return code;
    }

    public Map<String, String> headers() {
        return headers;
    }

    public static FhirException badRequest(String diagnostics) {
        return new FhirException(400, IssueType.INVALID, diagnostics);
    }

    public static FhirException notFound(String diagnostics) {
        return new FhirException(404, IssueType.NOTFOUND, diagnostics);
    }

    public static FhirException unauthorized() {
        return new FhirException(401, IssueType.LOGIN, "send a valid bearer access token",
                Map.of("WWW-Authenticate", "Bearer"));
    }

    public static FhirException forbidden(String diagnostics) {
        return new FhirException(403, IssueType.FORBIDDEN, diagnostics);
    }
}
