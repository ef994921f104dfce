package org.backcare.tracking.outbox;

import org.backcare.platform.outbox.OutboxEventType;

/** The events tracking-service publishes on {@code tracking-events}; documented in deploy/asyncapi.yaml. */
public enum EventType implements OutboxEventType {
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
    ODI_CHANGED("OdiChanged"),
    SELF_HARM_RISK_REPORTED("SelfHarmRiskReported"),
    PSYCHOLOGICAL_DISTRESS_DETECTED("PsychologicalDistressDetected"),
    FEAR_AVOIDANCE_DETECTED("FearAvoidanceDetected"),
    INSTRUMENT_COMPLETED("InstrumentCompleted");

    private final String wireName;

    EventType(String wireName) {
        this.wireName = wireName;
    }

    @Override
    public String wireName() {
        return wireName;
    }
}
