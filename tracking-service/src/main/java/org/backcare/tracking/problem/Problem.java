package org.backcare.tracking.problem;

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
        List<FieldError> errors,
        @Schema(description = "Medication safety findings: rejections, and warnings to acknowledge") List<Issue> issues) {

    public static final String MEDIA_TYPE = "application/problem+json";

    public Problem(URI type, String title, int status, String detail, String instance, List<FieldError> errors) {
        this(type, title, status, detail, instance, errors, null);
    }

    /** A medication safety finding; a warning is accepted once its code is in the prescription's acknowledgedWarnings. */
    @Schema(name = "MedicationIssue")
    public record Issue(@Schema(example = "ibuprofen") String drug,
                        @Schema(example = "nsaid-kidney-disease") String code,
                        @Schema(example = "NSAIDs strain the kidneys; the patient has kidney disease") String message,
                        @Schema(description = "true for a warning that may be acknowledged, false for a rejection")
                        boolean acknowledgeable) {
    }

    /** One offending field: a JSON path into the request and what is wrong with it. */
    public record FieldError(@Schema(example = "birthDate") String field,
                             @Schema(example = "must be a date in the past or in the present") String message) {
    }
}
