package org.backcare.platform.problem;

import jakarta.ws.rs.core.Response;

/**
 * The error format of the paths a service does not answer in problem+json: its FHIR API answers OperationOutcomes,
 * like any FHIR server. A service declares one as a CDI bean; {@link ProblemMappers} asks it first.
 */
public interface ErrorFormat {

    /** Whether errors of requests to this path are answered in this format. */
    boolean owns(String path);

    /** The complete error response, for a refusal with this status and the reason to show the client. */
    Response error(int status, String detail);

    /**
     * The reason to show for a refusal raised by the HTTP framework itself (unknown path, method, media type), given
     * the one problem+json would show; a format overrides it where its clients are told something else.
     */
    default String refusal(int status, String path, String problemDetail) {
        return problemDetail;
    }
}
