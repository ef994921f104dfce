package org.backcare.notification.routing;

import java.util.List;
import java.util.Objects;
import java.util.UUID;

/**
 * What routing needs to know about the patient an event is about: their login, their care team and, when a plan
 * is known, its owner and the flare-up steps. Built from this service's projections.
 */
public record PatientContext(UUID patientId, String patientSubject, String patientName, List<Member> team,
                             String planOwner, List<String> flareUpSteps) {

    /** A clinician on the care team. */
    public record Member(String subject, String role, String displayName) {
    }

    public PatientContext {
        team = team == null ? List.of() : List.copyOf(team);
        flareUpSteps = flareUpSteps == null ? List.of() : List.copyOf(flareUpSteps);
    }

    public List<String> withRole(String role) {
        return team.stream().filter(m -> m.role().equals(role)).map(Member::subject).toList();
    }

    public List<String> everyone() {
        return team.stream().map(Member::subject).toList();
    }

    public List<String> everyoneBut(String subject) {
        return team.stream().map(Member::subject).filter(s -> !Objects.equals(s, subject)).toList();
    }

    /** "Anna Berg", or "a patient" when the name is not known yet. */
    public String displayName() {
        return patientName == null || patientName.isBlank() ? "a patient" : patientName;
    }
}
