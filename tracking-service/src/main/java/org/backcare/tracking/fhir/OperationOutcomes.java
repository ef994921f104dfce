package org.backcare.tracking.fhir;

import jakarta.ws.rs.core.Response;
import org.hl7.fhir.r4.model.OperationOutcome;
import org.hl7.fhir.r4.model.OperationOutcome.IssueSeverity;
import org.hl7.fhir.r4.model.OperationOutcome.IssueType;

/** Error answers of the /fhir API: an OperationOutcome with one issue saying what went wrong. */
public final class OperationOutcomes {

    private OperationOutcomes() {
    }

    public static boolean isFhirPath(String path) {
        return path != null && (path.equals("/fhir") || path.startsWith("/fhir/"));
    }

    public static OperationOutcome of(IssueSeverity severity, IssueType code, String diagnostics) {
        OperationOutcome outcome = new OperationOutcome();
        outcome.addIssue().setSeverity(severity).setCode(code).setDiagnostics(diagnostics);
        return outcome;
    }

    public static Response response(int status, String diagnostics) {
        return Response.status(status).type(Fhir.JSON)
                .entity(of(status >= 500 ? IssueSeverity.FATAL : IssueSeverity.ERROR, forStatus(status), diagnostics))
                .build();
    }

    public static Response response(FhirException e) {
        Response.ResponseBuilder builder = Response.status(e.status()).type(Fhir.JSON)
                .entity(of(e.status() >= 500 ? IssueSeverity.FATAL : IssueSeverity.ERROR, e.code(), e.getMessage()));
        e.headers().forEach(builder::header);
        return builder.build();
    }

    static IssueType forStatus(int status) {
        return switch (status) {
            case 401 -> IssueType.LOGIN;
            case 403 -> IssueType.FORBIDDEN;
            case 404, 410 -> IssueType.NOTFOUND;
            case 405, 406, 415 -> IssueType.NOTSUPPORTED;
            case 409, 412 -> IssueType.CONFLICT;
            case 429 -> IssueType.THROTTLED;
            default -> status >= 500 ? IssueType.EXCEPTION : IssueType.INVALID;
        };
    }
}
