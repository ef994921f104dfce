package org.backcare.plan.outbox;

import org.backcare.platform.outbox.OutboxEventType;

/** The events plan-service publishes on {@code plan-events}; documented in deploy/asyncapi.yaml. */
public enum EventType implements OutboxEventType {
    PLAN_CREATED("PlanCreated"),
    PLAN_ACTIVATED("PlanActivated"),
    PLAN_REVISED("PlanRevised"),
    PLAN_STATUS_CHANGED("PlanStatusChanged"),
    PLAN_REVIEW_DUE("PlanReviewDue"),
    MEDICATION_PRESCRIBED("MedicationPrescribed"),
    MEDICATION_CHANGED("MedicationChanged"),
    MEDICATION_STOPPED("MedicationStopped"),
    ASSESSMENT_DUE("AssessmentDue"),
    ASSESSMENT_OVERDUE("AssessmentOverdue"),
    NOTE_MENTIONED("NoteMentioned");

    private final String wireName;

    EventType(String wireName) {
        this.wireName = wireName;
    }

    @Override
    public String wireName() {
        return wireName;
    }
}
