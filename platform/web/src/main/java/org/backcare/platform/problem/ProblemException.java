package org.backcare.platform.problem;

import java.net.URI;
import java.util.List;
import java.util.Map;

/** Thrown by the domain and resources for any request that must end in a 4xx with a clear reason. */
public class ProblemException extends RuntimeException {

    private final int status;
    private final URI type;
    private final String title;
    private final List<Problem.FieldError> errors;
    private final Map<String, Object> extensions;

    public ProblemException(ProblemType type, String detail) {
        this(type, detail, null);
    }

    public ProblemException(ProblemType type, String detail, List<Problem.FieldError> errors) {
        this(type.status(), type.uri(), type.title(), detail, errors, Map.of());
    }

    /**
     * A problem type only one service knows (for example plan-service's medication safety refusal), with its
     * extension members; {@code slug} names the type under the shared problem base URI.
     */
    public ProblemException(int status, String slug, String title, String detail, Map<String, Object> extensions) {
        this(status, ProblemType.uriOf(slug), title, detail, null, extensions);
    }

    private ProblemException(int status, URI type, String title, String detail, List<Problem.FieldError> errors,
                             Map<String, Object> extensions) {
        super(detail);
        this.status = status;
        this.type = type;
        this.title = title;
        this.errors = errors;
        this.extensions = extensions;
    }

    public int status() {
        return status;
    }

    public List<Problem.FieldError> errors() {
        return errors;
    }

    /** The document a client receives for this refusal of the request at {@code instance}. */
    public Problem toProblem(String instance) {
        return new Problem(type, title, status, getMessage(), instance, errors, extensions);
    }

    public static ProblemException notFound(String what) {
        return new ProblemException(ProblemType.NOT_FOUND, what + " was not found");
    }

    public static ProblemException forbidden(String detail) {
        return new ProblemException(ProblemType.FORBIDDEN, detail);
    }

    public static ProblemException badRequest(String field, String message) {
        return new ProblemException(ProblemType.VALIDATION, field + ": " + message,
                List.of(new Problem.FieldError(field, message)));
    }

    public static ProblemException conflict(String detail) {
        return new ProblemException(ProblemType.CONFLICT, detail);
    }
}
