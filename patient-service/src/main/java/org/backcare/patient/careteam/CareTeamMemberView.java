package org.backcare.patient.careteam;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.Instant;

/** A care-team member as the API and the events show it. */
@Schema(name = "CareTeamMember")
public record CareTeamMemberView(
        @Schema(example = "7f1c1a35-93c1-4e0e-9a4e-2b6f2f4d9c10") String subject,
        @Schema(example = "physical-therapist") CareTeamRole role,
        @Schema(example = "Pat Jones, PT") String displayName,
        @Schema(example = "pat.jones@clinic.example") String email,
        Instant addedAt) {

    public static CareTeamMemberView of(CareTeamMember m) {
        return new CareTeamMemberView(m.subject, m.role, m.displayName, m.email, m.addedAt);
    }
}
