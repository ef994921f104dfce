package org.backcare.platform.problem;

import java.net.URI;

/** The kinds of problem every BackCare service answers with; the type URI is stable so clients can branch on it. */
public enum ProblemType {
    VALIDATION(400, "validation", "Invalid request"),
    MALFORMED(400, "malformed-request", "Malformed request body"),
    UNAUTHENTICATED(401, "unauthenticated", "Authentication required"),
    FORBIDDEN(403, "forbidden", "Not allowed"),
    NOT_FOUND(404, "not-found", "Not found"),
    METHOD_NOT_ALLOWED(405, "method-not-allowed", "Method not allowed"),
    NOT_ACCEPTABLE(406, "not-acceptable", "Not acceptable"),
    CONFLICT(409, "conflict", "Conflict"),
    PRECONDITION_FAILED(412, "stale-etag", "Precondition failed"),
    PAYLOAD_TOO_LARGE(413, "payload-too-large", "Request body too large"),
    UNSUPPORTED_MEDIA_TYPE(415, "unsupported-media-type", "Unsupported media type"),
    PRECONDITION_REQUIRED(428, "if-match-required", "Precondition required"),
    INTERNAL(500, "internal", "Internal error"),
    SERVICE_UNAVAILABLE(503, "service-unavailable", "Service unavailable");

    private static final String BASE = "https://backcare.example/problems/";

    private final int status;
    private final String slug;
    private final String title;

    ProblemType(int status, String slug, String title) {
        this.status = status;
        this.slug = slug;
        this.title = title;
    }

    public int status() {
        return status;
    }

    public String title() {
        return title;
    }

    public URI uri() {
        return uriOf(slug);
    }

    /** The stable type URI of a problem named {@code slug}, shared by the types every service and one service define. */
    public static URI uriOf(String slug) {
        return URI.create(BASE + slug);
    }

    /** The problem type for a plain HTTP status raised by the framework (404 for an unknown path, 405, ...). */
    public static ProblemType forStatus(int status) {
        for (ProblemType t : values()) {
            if (t.status == status && t != MALFORMED) {
                return t;
            }
        }
        return status >= 500 ? INTERNAL : VALIDATION;
    }
}
