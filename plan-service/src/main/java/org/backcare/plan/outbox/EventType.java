package org.backcare.plan.outbox;

/** The events plan-service publishes on {@code plan-events}; documented in deploy/asyncapi.yaml. */
public enum EventType {
    PLAN_CREATED("PlanCreated"),
    PLAN_ACTIVATED("PlanActivated"),
    PLAN_REVISED("PlanRevised"),
    PLAN_STATUS_CHANGED("PlanStatusChanged"),
    PLAN_REVIEW_DUE("PlanReviewDue"),
    MEDICATION_PRESCRIBED("MedicationPrescribed"),
    MEDICATION_CHANGED("MedicationChanged"),
    MEDICATION_STOPPED("MedicationStopped");

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
