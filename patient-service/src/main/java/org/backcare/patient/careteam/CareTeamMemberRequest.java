package org.backcare.patient.careteam;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Adds a clinician to a patient's care team. */
@Schema(name = "CareTeamMemberRequest")
public record CareTeamMemberRequest(
        @NotBlank @Size(max = 255) @Schema(description = "The clinician's OIDC subject", required = true,
                example = "7f1c1a35-93c1-4e0e-9a4e-2b6f2f4d9c10") String subject,
        @NotNull @Schema(required = true, example = "physical-therapist") CareTeamRole role,
        @NotBlank @Size(max = 200) @Schema(required = true, example = "Pat Jones, PT") String displayName,
        @Email @Size(max = 254) @Schema(example = "pat.jones@clinic.example") String email) {
}
