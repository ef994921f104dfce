package org.backcare.platform.patients;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

import java.util.List;

/**
 * The consumer side of the patient-events contract (deploy/asyncapi.yaml), version 1: the data of the events the
 * projection uses (the envelope is platform-events' EventEnvelope). Only what the consumers use is mapped; unknown
 * fields are ignored so the producer can add optional fields.
 */
public final class PatientEvent {

    public static final int SUPPORTED_VERSION = 1;

    private PatientEvent() {
    }

    /** data of PatientRegistered and PatientUpdated. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Snapshot(String givenName, String familyName, String oidcSubject, String status, String painType,
                           boolean urgentReview, List<String> comorbidities, List<Member> careTeam) {
    }

    /** data of CareTeamMemberAdded and CareTeamMemberRemoved: the whole team after the change. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record CareTeamChange(List<Member> careTeam) {
    }

    /** One member of a care team. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Member(String subject, String role, String displayName) {
    }
}
