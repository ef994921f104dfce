package org.backcare.plan.fhir;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.backcare.platform.problem.Problem;
import org.hl7.fhir.r4.model.OperationOutcome;
import org.hl7.fhir.r4.model.OperationOutcome.IssueSeverity;
import org.hl7.fhir.r4.model.OperationOutcome.IssueType;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;
import org.jboss.resteasy.reactive.server.ServerResponseFilter;

/**
 * Errors under /fhir are OperationOutcomes, never problem+json: {@link FhirException} maps directly, and any problem
 * document the generic mappers produce for a /fhir path (400, 403, 404, 405, 500...) is rewritten here.
 */
public class FhirErrors {

    @ServerExceptionMapper
    public Response fhir(FhirException e) {
        Response.ResponseBuilder response = Response.status(e.status()).type(Fhir.JSON)
                .entity(outcome(e.issue(), e.getMessage()));
        e.headers().forEach(response::header);
        return response.build();
    }

    /** Rewrites a problem document answered on a /fhir path into an OperationOutcome with the same status. */
    @ServerResponseFilter
    public void problemsUnderFhirAreOperationOutcomes(ContainerRequestContext request, ContainerResponseContext response) {
        if (!isFhirPath(request.getUriInfo().getPath()) || !(response.getEntity() instanceof Problem problem)) {
            return;
        }
        String diagnostics = problem.detail() != null ? problem.detail() : problem.title();
        response.setEntity(outcome(issueFor(response.getStatus()), diagnostics), null, MediaType.valueOf(Fhir.JSON));
    }

    public static boolean isFhirPath(String path) {
        return path != null && (path.equals("/fhir") || path.startsWith("/fhir/"));
    }

    public static OperationOutcome outcome(IssueType type, String diagnostics) {
        OperationOutcome outcome = new OperationOutcome();
        outcome.addIssue().setSeverity(IssueSeverity.ERROR).setCode(type).setDiagnostics(diagnostics);
        return outcome;
    }

    /** An informational outcome, e.g. the body of a 202 or the answer to a cancellation. */
    public static OperationOutcome information(String diagnostics) {
        OperationOutcome outcome = new OperationOutcome();
        outcome.addIssue().setSeverity(IssueSeverity.INFORMATION).setCode(IssueType.INFORMATIONAL)
                .setDiagnostics(diagnostics);
        return outcome;
    }

    static IssueType issueFor(int status) {
        return switch (status) {
            case 400, 422 -> IssueType.INVALID;
            case 401 -> IssueType.LOGIN;
            case 403 -> IssueType.FORBIDDEN;
            case 404 -> IssueType.NOTFOUND;
            case 405, 406, 415 -> IssueType.NOTSUPPORTED;
            case 409, 412, 428 -> IssueType.CONFLICT;
            case 413 -> IssueType.TOOCOSTLY;
            case 429 -> IssueType.THROTTLED;
            default -> status >= 500 ? IssueType.EXCEPTION : IssueType.PROCESSING;
        };
    }
}
