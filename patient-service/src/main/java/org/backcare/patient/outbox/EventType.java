package org.backcare.patient.outbox;

import org.backcare.platform.outbox.OutboxEventType;

/** The events patient-service publishes on {@code patient-events}; documented in deploy/asyncapi.yaml. */
public enum EventType implements OutboxEventType {
    PATIENT_REGISTERED("PatientRegistered"),
    PATIENT_UPDATED("PatientUpdated"),
    PATIENT_DISCHARGED("PatientDischarged"),
    CARE_TEAM_MEMBER_ADDED("CareTeamMemberAdded"),
    CARE_TEAM_MEMBER_REMOVED("CareTeamMemberRemoved"),
    RED_FLAG_RAISED("RedFlagRaised"),
    URGENT_REVIEW_RESOLVED("UrgentReviewResolved"),
    PSYCHOLOGY_REFERRAL_NEEDED("PsychologyReferralNeeded");

    private final String wireName;

    EventType(String wireName) {
        this.wireName = wireName;
    }

    @Override
    public String wireName() {
        return wireName;
    }
}
