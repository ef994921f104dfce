package org.backcare.tracking.outbox;

/** The events tracking-service publishes on {@code tracking-events}; documented in deploy/asyncapi.yaml. */
public enum EventType {
    CHECK_IN_RECORDED("CheckInRecorded"),
    QUESTIONNAIRE_COMPLETED("QuestionnaireCompleted"),
    RED_FLAG_SYMPTOM_REPORTED("RedFlagSymptomReported"),
    FLARE_DETECTED("FlareDetected"),
    WORSENING_TREND("WorseningTrend"),
    IMPROVING_TREND("ImprovingTrend"),
    LOW_EXERCISE_ADHERENCE("LowExerciseAdherence"),
    NSAID_OVERUSE("NsaidOveruse"),
    POOR_SLEEP("PoorSleep"),
    CHECK_INS_MISSED("CheckInsMissed"),
    ODI_CHANGED("OdiChanged");

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
