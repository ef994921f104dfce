package org.backcare.platform.problem;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.exc.InputCoercionException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.exc.ValueInstantiationException;
import io.quarkus.security.ForbiddenException;
import jakarta.persistence.OptimisticLockException;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.ElementKind;
import jakarta.validation.Path;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import jakarta.enterprise.inject.Instance;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import java.util.Comparator;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Turns every failure into an RFC 9457 problem document, so clients always get a clear reason. Paths a service
 * answers in another error format (its FHIR API answers OperationOutcomes) belong to an {@link ErrorFormat} bean.
 */
public class ProblemMappers {

    private static final Logger LOG = Logger.getLogger(ProblemMappers.class);
    /** A database restart or fail-over takes a few seconds. */
    private static final String RETRY_AFTER_SECONDS = "5";

    private final Instance<ErrorFormat> formats;

    public ProblemMappers(Instance<ErrorFormat> formats) {
        this.formats = formats;
    }

    @ServerExceptionMapper
    public Response problem(ProblemException e, UriInfo uri) {
        ErrorFormat format = formatOf(uri);
        if (format != null) {
            return format.error(e.status(), e.getMessage());
        }
        return Response.status(e.status()).type(Problem.MEDIA_TYPE).entity(e.toProblem(uri.getPath())).build();
    }

    @ServerExceptionMapper
    public Response constraintViolation(ConstraintViolationException e, UriInfo uri) {
        if (e.getConstraintViolations().stream().anyMatch(ProblemMappers::isMissingBody)) {
            return respond(ProblemType.MALFORMED, "the request body is missing; send a JSON object", null, uri);
        }
        List<Problem.FieldError> errors = e.getConstraintViolations().stream()
                .map(v -> new Problem.FieldError(fieldPath(v), v.getMessage()))
                .sorted(Comparator.comparing(Problem.FieldError::field))
                .toList();
        String detail = errors.stream().map(f -> f.field() + ": " + f.message()).collect(Collectors.joining("; "));
        return respond(ProblemType.VALIDATION, detail, errors, uri);
    }

    @ServerExceptionMapper
    public Response unknownField(UnrecognizedPropertyException e, UriInfo uri) {
        String field = jsonPath(e);
        return respond(ProblemType.VALIDATION, field + ": unknown field; allowed fields are " + e.getKnownPropertyIds(),
                List.of(new Problem.FieldError(field, "unknown field")), uri);
    }

    @ServerExceptionMapper
    public Response invalidValue(InvalidFormatException e, UriInfo uri) {
        String field = jsonPath(e);
        String message = "'" + e.getValue() + "' is not " + describe(e.getTargetType());
        return respond(ProblemType.VALIDATION, field + ": " + message, List.of(new Problem.FieldError(field, message)), uri);
    }

    @ServerExceptionMapper
    public Response invalidCode(ValueInstantiationException e, UriInfo uri) {
        String field = jsonPath(e);
        Throwable cause = e.getCause() != null ? e.getCause() : e;
        return respond(ProblemType.VALIDATION, field + ": " + cause.getMessage(),
                List.of(new Problem.FieldError(field, cause.getMessage())), uri);
    }

    @ServerExceptionMapper
    public Response mismatchedInput(MismatchedInputException e, UriInfo uri) {
        String field = jsonPath(e);
        String message = e.getTargetType() == null ? "has the wrong type" : "expected " + describe(e.getTargetType());
        if (field.isEmpty()) {
            return respond(ProblemType.MALFORMED, "the request body is missing or not a JSON object", null, uri);
        }
        return respond(ProblemType.VALIDATION, field + ": " + message, List.of(new Problem.FieldError(field, message)), uri);
    }

    /** A number too large for its field, e.g. 99999999999 sessions a week. */
    @ServerExceptionMapper
    public Response numberOutOfRange(InputCoercionException e, UriInfo uri) {
        JsonParser parser = e.getProcessor();
        String field = parser != null && parser.getParsingContext() != null
                ? parser.getParsingContext().getCurrentName() : null;
        String message = "the number is too large";
        return respond(ProblemType.VALIDATION, (field == null ? "" : field + ": ") + message,
                field == null ? null : List.of(new Problem.FieldError(field, message)), uri);
    }

    /** Any other mapping failure that knows where it happened (a duplicate key, a NUL character...). */
    @ServerExceptionMapper
    public Response unmappable(JsonMappingException e, UriInfo uri) {
        String field = jsonPath(e);
        String message = e.getOriginalMessage();
        if (e.getCause() instanceof InputCoercionException) {
            message = "the number is too large";
        } else if (e.getCause() instanceof JsonProcessingException parse) {
            String duplicate = parse.getOriginalMessage();
            if (duplicate != null && duplicate.startsWith("Duplicate field '")) {
                String name = duplicate.substring("Duplicate field '".length(), duplicate.length() - 1);
                field = field.isEmpty() ? name : field + "." + name;
                message = "given twice; send each field once";
            } else {
                // A syntax error met while reading a value: the body is not JSON.
                return malformedJson(parse, uri);
            }
        }
        return respond(ProblemType.VALIDATION, (field.isEmpty() ? "" : field + ": ") + message,
                field.isEmpty() ? null : List.of(new Problem.FieldError(field, message)), uri);
    }

    /**
     * A value the database cannot store (a NUL character in text, a date in the year 999999999): the client's input,
     * not a server fault. The transaction has rolled back, so nothing was stored.
     */
    @ServerExceptionMapper
    public Response unstorable(org.hibernate.exception.DataException e, UriInfo uri) {
        return respond(ProblemType.VALIDATION,
                "a value cannot be stored: text must not contain NUL characters and dates must be realistic", null, uri);
    }

    /** Date arithmetic overflowed on an absurd date. */
    @ServerExceptionMapper
    public Response impossibleDate(java.time.DateTimeException e, UriInfo uri) {
        return respond(ProblemType.VALIDATION, "a date is out of range: " + e.getMessage(), null, uri);
    }

    @ServerExceptionMapper
    public Response malformedJson(JsonProcessingException e, UriInfo uri) {
        String original = e.getOriginalMessage();
        if (original != null && original.startsWith("Duplicate field '") && e.getProcessor() instanceof JsonParser parser) {
            String field = fieldOf(parser.getParsingContext().pathAsPointer().toString());
            String message = "given twice; send each field once";
            return respond(ProblemType.VALIDATION, field + ": " + message, List.of(new Problem.FieldError(field, message)), uri);
        }
        String where = e.getLocation() == null ? "" : " at line " + e.getLocation().getLineNr()
                + ", column " + e.getLocation().getColumnNr();
        return respond(ProblemType.MALFORMED, "the request body is not valid JSON" + where, null, uri);
    }

    /** No token (a rejected one fails earlier, see {@link HttpRefusals}): a problem with a Bearer challenge. */
    @ServerExceptionMapper
    public Response unauthenticated(io.quarkus.security.UnauthorizedException e, UriInfo uri) {
        return Response.fromResponse(respond(ProblemType.UNAUTHENTICATED,
                        "send a bearer access token issued by the BackCare realm", null, uri))
                .header(HttpHeaders.WWW_AUTHENTICATE, HttpRefusals.CHALLENGE).build();
    }

    @ServerExceptionMapper
    public Response authenticationFailed(io.quarkus.security.AuthenticationFailedException e, UriInfo uri) {
        return Response.fromResponse(respond(ProblemType.UNAUTHENTICATED,
                        "the access token was rejected; send a valid bearer access token", null, uri))
                .header(HttpHeaders.WWW_AUTHENTICATE, HttpRefusals.CHALLENGE).build();
    }

    @ServerExceptionMapper
    public Response forbidden(ForbiddenException e, UriInfo uri) {
        return respond(ProblemType.FORBIDDEN, "your role does not allow this operation", null, uri);
    }

    @ServerExceptionMapper
    public Response http(WebApplicationException e, UriInfo uri) {
        // The framework wraps some body-reading failures; report what Jackson found, not "HTTP 400 Bad Request".
        if (e.getCause() instanceof JsonProcessingException json) {
            return jackson(json, uri);
        }
        int status = e.getResponse().getStatus();
        if (status >= 500) {
            LOG.error("request failed", e);
        }
        ProblemType type = ProblemType.forStatus(status);
        String detail = switch (status) {
            case 404 -> "no resource at " + uri.getPath();
            case 405 -> "this method is not supported on " + uri.getPath();
            case 406 -> "this resource answers only in application/json";
            case 415 -> "send the request body as application/json";
            default -> e.getMessage();
        };
        ErrorFormat format = formatOf(uri);
        Response.ResponseBuilder builder = format != null
                ? Response.fromResponse(format.error(status, format.refusal(status, uri.getPath(), detail)))
                : Response.status(status).type(Problem.MEDIA_TYPE)
                        .entity(new Problem(type.uri(), type.title(), status, detail, uri.getPath(), null));
        e.getResponse().getHeaders().forEach((name, values) -> {
            if (!name.equalsIgnoreCase("Content-Type")) {
                values.forEach(v -> builder.header(name, v));
            }
        });
        return builder.build();
    }

    /**
     * Two requests changed the same record at the same moment and this one lost: two clinicians saving one record
     * (412, their If-Match went stale meanwhile), or one click sent twice (409). Nothing was stored.
     */
    @ServerExceptionMapper
    public Response concurrentChange(OptimisticLockException e, UriInfo uri, HttpHeaders headers) {
        return lostRace(uri, headers);
    }

    /** The same, reported by Hibernate's own API (a row updated or deleted by another transaction). */
    @ServerExceptionMapper
    public Response staleState(org.hibernate.StaleStateException e, UriInfo uri, HttpHeaders headers) {
        return lostRace(uri, headers);
    }

    /** A unique constraint caught what a check could not (two requests racing for the same login or member). */
    @ServerExceptionMapper
    public Response duplicate(org.hibernate.exception.ConstraintViolationException e, UriInfo uri) {
        return respond(ProblemType.CONFLICT, "this conflicts with a record saved at the same time; read again and retry",
                null, uri);
    }

    @ServerExceptionMapper
    public Response unexpected(Exception e, UriInfo uri, HttpHeaders headers) {
        if (DatabaseAway.causedBy(e)) {
            LOG.warnf("database out of reach on %s: %s", uri.getPath(), e.getMessage());
            return Response.fromResponse(respond(ProblemType.SERVICE_UNAVAILABLE,
                            "the database is out of reach for a moment; try again in a few seconds", null, uri))
                    .header("Retry-After", RETRY_AFTER_SECONDS).build();
        }
        // A lost race noticed only at commit arrives wrapped (RollbackException inside the interceptor's exception).
        if (ConcurrentChange.causedBy(e)) {
            return lostRace(uri, headers);
        }
        LOG.error("unexpected failure on " + uri.getPath(), e);
        return respond(ProblemType.INTERNAL, "an unexpected error occurred; it has been logged", null, uri);
    }

    private Response lostRace(UriInfo uri, HttpHeaders headers) {
        LOG.debugf("concurrent change on %s", uri.getPath());
        ProblemType type = ConcurrentChange.problemFor(headers.getHeaderString(HttpHeaders.IF_MATCH));
        return respond(type, type == ProblemType.PRECONDITION_FAILED
                ? "the record was changed by someone else at the same time; read it again and reapply your change"
                : "the record was changed by another request at the same time; nothing was stored, read it again and retry",
                null, uri);
    }

    /** Routes a Jackson failure to the mapper that explains it best. */
    Response jackson(JsonProcessingException e, UriInfo uri) {
        if (e instanceof UnrecognizedPropertyException u) {
            return unknownField(u, uri);
        }
        if (e instanceof InvalidFormatException f) {
            return invalidValue(f, uri);
        }
        if (e instanceof ValueInstantiationException v) {
            return invalidCode(v, uri);
        }
        if (e instanceof MismatchedInputException m) {
            return mismatchedInput(m, uri);
        }
        if (e instanceof InputCoercionException c) {
            return numberOutOfRange(c, uri);
        }
        if (e instanceof JsonMappingException m) {
            return unmappable(m, uri);
        }
        return malformedJson(e, uri);
    }

    /** A @NotNull on a method parameter is only ever on the request body here: say the body is missing. */
    private static boolean isMissingBody(ConstraintViolation<?> v) {
        Path.Node last = null;
        for (Path.Node node : v.getPropertyPath()) {
            last = node;
        }
        return last != null && last.getKind() == ElementKind.PARAMETER
                && v.getConstraintDescriptor().getAnnotation() instanceof jakarta.validation.constraints.NotNull;
    }

    /** Names a Java type the way a JSON client thinks of it. */
    static String describe(Class<?> type) {
        if (type == null) {
            return "a valid value";
        }
        if (java.util.Collection.class.isAssignableFrom(type) || type.isArray()) {
            return "a JSON array";
        }
        if (type == java.time.LocalDate.class) {
            return "a date such as 1978-04-02";
        }
        if (type == java.time.Instant.class) {
            return "an instant such as 2026-11-23T09:15:00Z";
        }
        if (type == Boolean.class || type == boolean.class) {
            return "true or false";
        }
        if (Number.class.isAssignableFrom(type) || type.isPrimitive()) {
            return "a number";
        }
        if (type == String.class) {
            return "a string";
        }
        if (type == java.util.UUID.class) {
            return "a UUID";
        }
        return type.isEnum() ? "one of the listed values" : "a JSON object";
    }

    private ErrorFormat formatOf(UriInfo uri) {
        String path = uri.getPath();
        for (ErrorFormat format : formats) {
            if (format.owns(path)) {
                return format;
            }
        }
        return null;
    }

    private Response respond(ProblemType type, String detail, List<Problem.FieldError> errors, UriInfo uri) {
        ErrorFormat format = formatOf(uri);
        if (format != null) {
            return format.error(type.status(), detail);
        }
        return Response.status(type.status()).type(Problem.MEDIA_TYPE)
                .entity(new Problem(type.uri(), type.title(), type.status(), detail, uri.getPath(), errors))
                .build();
    }

    /** "register.request.contact.email" -> "contact.email"; a query parameter keeps its own name ("size"). */
    static String fieldPath(ConstraintViolation<?> violation) {
        StringBuilder path = new StringBuilder();
        String parameter = null;
        for (Path.Node node : violation.getPropertyPath()) {
            if (node.getKind() == ElementKind.METHOD) {
                continue;
            }
            if (node.getKind() == ElementKind.PARAMETER) {
                parameter = node.getName();
                continue;
            }
            // A node "in an iterable" carries the index of its parent's element: medications[0].dose.
            if (node.isInIterable() && node.getIndex() != null) {
                path.append('[').append(node.getIndex()).append(']');
            }
            if (node.getName() == null || node.getName().startsWith("<")) {
                continue;
            }
            if (!path.isEmpty()) {
                path.append('.');
            }
            path.append(node.getName());
        }
        return path.isEmpty() && parameter != null ? parameter : path.toString();
    }

    /** "/medications/0/dose" -> "medications[0].dose". */
    static String fieldOf(String pointer) {
        StringBuilder field = new StringBuilder();
        for (String segment : pointer.split("/")) {
            if (segment.isEmpty()) {
                continue;
            }
            if (segment.chars().allMatch(Character::isDigit)) {
                field.append('[').append(segment).append(']');
            } else {
                field.append(field.isEmpty() ? "" : ".").append(segment.replace("~1", "/").replace("~0", "~"));
            }
        }
        return field.toString();
    }

    static String jsonPath(JsonMappingException e) {
        StringBuilder path = new StringBuilder();
        for (JsonMappingException.Reference ref : e.getPath()) {
            if (ref.getFieldName() != null) {
                if (!path.isEmpty()) {
                    path.append('.');
                }
                path.append(ref.getFieldName());
            } else if (ref.getIndex() >= 0) {
                path.append('[').append(ref.getIndex()).append(']');
            }
        }
        return path.toString();
    }
}
