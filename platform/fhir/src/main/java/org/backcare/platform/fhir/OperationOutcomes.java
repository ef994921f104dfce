package org.backcare.platform.fhir;

import jakarta.ws.rs.core.Response;
import org.hl7.fhir.r4.model.OperationOutcome;
import org.hl7.fhir.r4.model.OperationOutcome.IssueSeverity;
import org.hl7.fhir.r4.model.OperationOutcome.IssueType;

/** Errors and notes of the FHIR API as OperationOutcome resources: one issue saying what happened. */
public final class OperationOutcomes {

    private OperationOutcomes() {
    }

    /** An error of this issue type (severity error). */
    public static OperationOutcome of(IssueType type, String diagnostics) {
        return outcome(IssueSeverity.ERROR, type, diagnostics);
    }

    /** An error: severity fatal for a server fault (the request could not be processed at all), error otherwise. */
    public static OperationOutcome error(int status, IssueType type, String diagnostics) {
        return outcome(status >= 500 ? IssueSeverity.FATAL : IssueSeverity.ERROR, type, diagnostics);
    }

    /** An informational outcome, e.g. the body of a 202 or the answer to a cancellation. */
    public static OperationOutcome information(String diagnostics) {
        return outcome(IssueSeverity.INFORMATION, IssueType.INFORMATIONAL, diagnostics);
    }

    private static OperationOutcome outcome(IssueSeverity severity, IssueType type, String diagnostics) {
        OperationOutcome outcome = new OperationOutcome();
        outcome.addIssue().setSeverity(severity).setCode(type).setDiagnostics(diagnostics);
        return outcome;
    }

    /** The one issue type that says what an HTTP error status means, for every service. */
    public static IssueType issueFor(int status) {
        return switch (status) {
            case 400, 422 -> IssueType.INVALID;
            case 401 -> IssueType.LOGIN;
            case 403 -> IssueType.FORBIDDEN;
            case 404 -> IssueType.NOTFOUND;
            case 405, 406, 415 -> IssueType.NOTSUPPORTED;
            case 409, 412 -> IssueType.CONFLICT;
            case 410 -> IssueType.DELETED;
            case 413, 414, 431 -> IssueType.TOOCOSTLY;
            case 428 -> IssueType.REQUIRED;
            case 429 -> IssueType.THROTTLED;
            case 503 -> IssueType.TRANSIENT;
            default -> status >= 500 ? IssueType.EXCEPTION : IssueType.PROCESSING;
        };
    }

    public static Response response(int status, String diagnostics) {
        return Response.status(status).type(Fhir.JSON).entity(error(status, issueFor(status), diagnostics)).build();
    }

    public static Response response(FhirException e) {
        Response.ResponseBuilder builder = Response.status(e.status()).type(Fhir.JSON)
                .entity(error(e.status(), e.issue(), e.getMessage()));
        e.headers().forEach(builder::header);
        return builder.build();
    }
}
