package org.backcare.patient.outbox;

/** The events patient-service publishes on {@code patient-events}; documented in deploy/asyncapi.yaml. */
public enum EventType {
    PATIENT_REGISTERED("PatientRegistered"),
    PATIENT_UPDATED("PatientUpdated"),
    PATIENT_DISCHARGED("PatientDischarged"),
    CARE_TEAM_MEMBER_ADDED("CareTeamMemberAdded"),
    CARE_TEAM_MEMBER_REMOVED("CareTeamMemberRemoved"),
    RED_FLAG_RAISED("RedFlagRaised"),
    URGENT_REVIEW_RESOLVED("UrgentReviewResolved");

    /** Bumped when a type's data changes incompatibly; consumers check it. */
    public static final int SCHEMA_VERSION = 1;

    private final String wireName;

    EventType(String wireName) {
        this.wireName = wireName;
    }

    public String wireName() {
        return wireName;
    }
}
