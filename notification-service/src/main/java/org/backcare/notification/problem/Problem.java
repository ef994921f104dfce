package org.backcare.notification.problem;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.net.URI;
import java.util.List;

/** An RFC 9457 problem document; {@code errors} lists the offending fields of a validation failure. */
@JsonInclude(JsonInclude.Include.NON_NULL)
@Schema(name = "Problem", description = "RFC 9457 problem details")
public record Problem(
        @Schema(example = "https://backcare.example/problems/validation") URI type,
        @Schema(example = "Invalid request") String title,
        @Schema(example = "400") int status,
        @Schema(example = "quietHours.start: must be a time of day such as 22:00") String detail,
        @Schema(example = "/preferences/me") String instance,
        List<FieldError> errors) {

    public static final String MEDIA_TYPE = "application/problem+json";

    /** One offending field: a JSON path into the request and what is wrong with it. */
    public record FieldError(@Schema(example = "quietHours.start") String field,
                             @Schema(example = "must be a time of day such as 22:00") String message) {
    }
}
