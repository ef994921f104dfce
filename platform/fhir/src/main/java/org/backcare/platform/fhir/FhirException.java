package org.backcare.platform.fhir;

import org.hl7.fhir.r4.model.OperationOutcome.IssueType;

import java.util.Map;

/** A FHIR request that ends in an error: answered as an OperationOutcome, never a problem document. */
public class FhirException extends RuntimeException {

    private final int status;
    private final IssueType issue;
    private final Map<String, String> headers;

    public FhirException(int status, IssueType issue, String diagnostics) {
        this(status, issue, diagnostics, Map.of());
    }

    /** With response headers, e.g. Retry-After or WWW-Authenticate. */
    public FhirException(int status, IssueType issue, String diagnostics, Map<String, String> headers) {
        super(diagnostics);
        this.status = status;
        this.issue = issue;
        this.headers = Map.copyOf(headers);
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

    public static FhirException badRequest(String diagnostics) {
        return new FhirException(400, IssueType.INVALID, diagnostics);
    }

    /** A FHIR feature (a search parameter, a format) this server does not implement. */
    public static FhirException notSupported(String diagnostics) {
        return new FhirException(400, IssueType.NOTSUPPORTED, diagnostics);
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
