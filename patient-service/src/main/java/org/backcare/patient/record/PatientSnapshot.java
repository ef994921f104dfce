package org.backcare.patient.record;

import org.backcare.patient.careteam.CareTeamMemberView;
import org.backcare.patient.stratification.RiskStratumView;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * The data of PatientRegistered and PatientUpdated: the whole current state, so a consumer's projection is one
 * upsert and never depends on having seen earlier events. Kept apart from {@link PatientView} so an API change
 * does not silently change the event contract (deploy/asyncapi.yaml).
 */
public record PatientSnapshot(String givenName, String familyName, LocalDate birthDate, Sex sex, String email,
                              String preferredLanguage, String oidcSubject, LocalDate painOnsetDate,
                              PainType painType, Set<Comorbidity> comorbidities, PatientStatus status,
                              boolean urgentReview, List<CareTeamMemberView> careTeam, RiskStratumView riskStratum) {

    public static PatientSnapshot of(Patient p) {
        return new PatientSnapshot(p.givenName, p.familyName, p.birthDate, p.sex, p.email, p.preferredLanguage,
                p.oidcSubject, p.painOnsetDate, p.painType, new TreeSet<>(p.comorbidities), p.status,
                p.urgentReview, p.careTeam.stream().map(CareTeamMemberView::of).toList(), RiskStratumView.of(p.riskStratum));
    }
}
