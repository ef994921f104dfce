package org.backcare.patient.problem;

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
        @Schema(example = "birthDate: must be a date in the past or in the present") String detail,
        @Schema(example = "/patients") String instance,
        List<FieldError> errors) {

    public static final String MEDIA_TYPE = "application/problem+json";

    /** One offending field: a JSON path into the request and what is wrong with it. */
    public record FieldError(@Schema(example = "birthDate") String field,
                             @Schema(example = "must be a date in the past or in the present") String message) {
    }
}
