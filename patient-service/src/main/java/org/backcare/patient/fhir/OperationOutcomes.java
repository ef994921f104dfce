package org.backcare.patient.fhir;

import jakarta.ws.rs.core.Response;
import org.hl7.fhir.r4.model.OperationOutcome;
import org.hl7.fhir.r4.model.OperationOutcome.IssueSeverity;
import org.hl7.fhir.r4.model.OperationOutcome.IssueType;

/** Errors of the FHIR API as OperationOutcome resources (the JSON API answers problem+json instead). */
public final class OperationOutcomes {

    private OperationOutcomes() {
    }

    public static OperationOutcome of(IssueType type, String diagnostics) {
        OperationOutcome outcome = new OperationOutcome();
        outcome.addIssue().setSeverity(IssueSeverity.ERROR).setCode(type).setDiagnostics(diagnostics);
        return outcome;
    }

    /** The issue type that says what an HTTP error status means. */
    public static IssueType issueFor(int status) {
        return switch (status) {
            case 400, 422 -> IssueType.INVALID;
            case 401 -> IssueType.LOGIN;
            case 403 -> IssueType.FORBIDDEN;
            case 404 -> IssueType.NOTFOUND;
            case 405, 406, 415 -> IssueType.NOTSUPPORTED;
            case 409, 412 -> IssueType.CONFLICT;
            case 410 -> IssueType.DELETED;
            case 413 -> IssueType.TOOCOSTLY;
            case 428 -> IssueType.REQUIRED;
            case 429 -> IssueType.THROTTLED;
            default -> status >= 500 ? IssueType.EXCEPTION : IssueType.PROCESSING;
        };
    }

    public static Response response(int status, IssueType type, String diagnostics) {
        return Response.status(status).type(Fhir.JSON).entity(of(type, diagnostics)).build();
    }

    public static Response response(int status, String diagnostics) {
        return response(status, issueFor(status), diagnostics);
    }
}
