package org.backcare.plan.medication;

import org.backcare.platform.problem.ProblemException;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.net.URI;
import java.util.List;
import java.util.Map;

/**
 * The 422 a medication change gets when the safety check stops it: a problem document whose {@code issues} member
 * (an RFC 9457 extension of this service alone) lists every finding. This record is its documented shape.
 */
@Schema(name = "MedicationSafetyProblem", description = "RFC 9457 problem details of a medication safety refusal")
public record MedicationSafetyProblem(
        @Schema(example = "https://backcare.example/problems/medication-safety") URI type,
        @Schema(example = "Medication safety check failed") String title,
        @Schema(example = "422") int status,
        @Schema(example = "medication rejected: NSAIDs strain the kidneys; the patient has kidney disease") String detail,
        @Schema(example = "/plans/7f0c2c8e-3f5e-4c43-9b1a-2d5c0f1e8a11/sections/medications") String instance,
        @Schema(description = "Medication safety findings: rejections, and warnings to acknowledge") List<Issue> issues) {

    public static final String SLUG = "medication-safety";
    public static final String TITLE = "Medication safety check failed";

    /** The refusal to throw: the mappers render it as this document. */
    public static ProblemException refusal(String detail, List<Issue> issues) {
        return new ProblemException(422, SLUG, TITLE, detail, Map.of("issues", issues));
    }

    /** A medication safety finding; a warning is accepted once its code is in the prescription's acknowledgedWarnings. */
    @Schema(name = "MedicationIssue")
    public record Issue(@Schema(example = "ibuprofen") String drug,
                        @Schema(example = "nsaid-kidney-disease") String code,
                        @Schema(example = "NSAIDs strain the kidneys; the patient has kidney disease") String message,
                        @Schema(description = "true for a warning that may be acknowledged, false for a rejection")
                        boolean acknowledgeable) {
    }
}
