package org.backcare.patient.record;

import org.backcare.patient.careteam.CareTeamMemberView;
import org.backcare.patient.stratification.RiskStratumView;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;

/** A patient record as the API shows it; its ETag header carries {@code version}. */
@Schema(name = "Patient")
public record PatientView(
        UUID id,
        @Schema(example = "3") long version,
        @Schema(example = "Anna") String givenName,
        @Schema(example = "Berg") String familyName,
        @Schema(example = "1978-04-02") LocalDate birthDate,
        @Schema(example = "female") Sex sex,
        @Schema(example = "anna.berg@example.org") String email,
        @Schema(example = "+46 70 123 45 67") String phone,
        @Schema(example = "sv") String preferredLanguage,
        String oidcSubject,
        @Schema(example = "2025-09-01") LocalDate painOnsetDate,
        @Schema(description = "Pain for more than 12 weeks; null when the onset is unknown") Boolean chronic,
        @Schema(example = "mechanical") PainType painType,
        String painTypeRationale,
        @Schema(description = "OIDC subject of the clinician who last set the pain type") String painClassifiedBy,
        Instant painClassifiedAt,
        Set<Comorbidity> comorbidities,
        @Schema(example = "active") PatientStatus status,
        @Schema(description = "A positive red-flag screening awaits a physician's review") boolean urgentReview,
        Instant dischargedAt,
        String dischargeReason,
        List<CareTeamMemberView> careTeam,
        @Schema(description = "The latest STarT Back risk stratum; null until a first result") RiskStratumView riskStratum,
        Instant createdAt,
        Instant updatedAt) {

    public static PatientView of(Patient p, LocalDate today) {
        return new PatientView(p.id, p.version, p.givenName, p.familyName, p.birthDate, p.sex, p.email, p.phone,
                p.preferredLanguage, p.oidcSubject, p.painOnsetDate, RecordRules.isChronic(p.painOnsetDate, today),
                p.painType, p.painTypeRationale, p.painClassifiedBy, p.painClassifiedAt,
                new TreeSet<>(p.comorbidities), p.status, p.urgentReview, p.dischargedAt, p.dischargeReason,
                p.careTeam.stream().map(CareTeamMemberView::of).toList(), RiskStratumView.of(p.riskStratum),
                p.createdAt, p.updatedAt);
    }
}
