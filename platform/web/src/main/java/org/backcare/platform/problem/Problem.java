package org.backcare.platform.problem;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.net.URI;
import java.util.List;
import java.util.Map;

/**
 * An RFC 9457 problem document; {@code errors} lists the offending fields of a validation failure. A problem type of
 * one service may carry extension members (RFC 9457 section 3.2), which it documents with a schema of its own.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@Schema(name = "Problem", description = "RFC 9457 problem details")
public record Problem(
        @Schema(example = "https://backcare.example/problems/validation") URI type,
        @Schema(example = "Invalid request") String title,
        @Schema(example = "400") int status,
        @Schema(example = "size: must be less than or equal to 100") String detail,
        @Schema(example = "/patients") String instance,
        List<FieldError> errors,
        @JsonIgnore @Schema(hidden = true) Map<String, Object> extensions) {

    public static final String MEDIA_TYPE = "application/problem+json";

    public Problem(URI type, String title, int status, String detail, String instance, List<FieldError> errors) {
        this(type, title, status, detail, instance, errors, Map.of());
    }

    public Problem {
        extensions = extensions == null ? Map.of() : Map.copyOf(extensions);
    }

    /** Extension members appear at the top level of the document, next to the standard ones. */
    @JsonAnyGetter
    public Map<String, Object> members() {
        return extensions;
    }

    /** One offending field: a JSON path into the request and what is wrong with it. */
    public record FieldError(@Schema(example = "size") String field,
                             @Schema(example = "must be less than or equal to 100") String message) {
    }
}
