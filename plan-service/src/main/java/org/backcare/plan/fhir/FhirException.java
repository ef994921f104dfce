package org.backcare.plan.fhir;

import org.hl7.fhir.r4.model.OperationOutcome.IssueType;

import java.util.Map;

/** A failure of a /fhir request, answered as an OperationOutcome with this status (and headers, e.g. Retry-After). */
public class FhirException extends RuntimeException {

    private final int status;
    private final IssueType issue;
    private final Map<String, String> headers;

    public FhirException(int status, IssueType issue, String diagnostics) {
        this(status, issue, diagnostics, Map.of());
    }

    public FhirException(int status, IssueType issue, String diagnostics, Map<String, String> headers) {
        super(diagnostics);
        this.status = status;
        this.issue = issue;
        this.headers = headers;
    }

    public int status() {
        return status;
    }

    public IssueType issue() {
        return issue;
    }

    public Map<String, String> headers() {
        return headers;
    }

    public static FhirException notFound(String what) {
        return new FhirException(404, IssueType.NOTFOUND, what + " was not found");
    }

    public static FhirException invalid(String diagnostics) {
        return new FhirException(400, IssueType.INVALID, diagnostics);
    }

    public static FhirException notSupported(String diagnostics) {
        return new FhirException(400, IssueType.NOTSUPPORTED, diagnostics);
    }
}
