package org.backcare.platform.access;

import java.util.Set;
import java.util.UUID;

/** What access to a patient's data depends on: the patient's own login and the subjects on their care team. */
public record PatientFacts(UUID patientId, String patientSubject, Set<String> careTeamSubjects) {

    public PatientFacts {
        careTeamSubjects = Set.copyOf(careTeamSubjects);
    }
}
