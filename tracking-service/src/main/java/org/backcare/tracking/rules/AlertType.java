package org.backcare.tracking.rules;

/**
 * The kinds of alert tracking raises for the care team, in the order findings are reported: those of the history
 * {@link Rules} first, then those of the {@link QuestionnaireRules} (raised once per questionnaire result). Each has a stable
 * kebab-case {@link #code()} for APIs and events and a default {@link #priority()}.
 */
public enum AlertType {
    /** A red-flag symptom (bladder or bowel control, saddle numbness, new leg weakness...): urgent medical review. */
    RED_FLAG_SYMPTOM("red-flag-symptom", Finding.URGENT),
    FLARE("flare", Finding.HIGH),
    WORSENING_TREND("worsening-trend", Finding.HIGH),
    IMPROVING_TREND("improving-trend", Finding.NORMAL),
    LOW_EXERCISE_ADHERENCE("low-exercise-adherence", Finding.NORMAL),
    NSAID_OVERUSE("nsaid-overuse", Finding.HIGH),
    POOR_SLEEP("poor-sleep", Finding.NORMAL),
    MISSED_CHECK_INS("missed-check-ins", Finding.NORMAL),
    ODI_CHANGE("odi-change", Finding.NORMAL),
    /** PHQ-9 item 9 (thoughts of being better off dead or of self-harm) above 0: urgent, once per result. */
    SELF_HARM_RISK("self-harm-risk", Finding.URGENT),
    /** PHQ-9 or GAD-7 moderate or worse, or worse than the previous result by the MCID: once per result. */
    PSYCHOLOGICAL_DISTRESS("psychological-distress", Finding.HIGH),
    /** PCS clinically relevant (30 or more) or TSK-11 high (36 or more): once per result. */
    FEAR_AVOIDANCE("fear-avoidance", Finding.NORMAL);

    private final String code;
    private final String priority;

    AlertType(String code, String priority) {
        this.code = code;
        this.priority = priority;
    }

    /** The kebab-case code, such as {@code "red-flag-symptom"}. */
    public String code() {
        return code;
    }

    /** The default priority: {@code "urgent"}, {@code "high"} or {@code "normal"}. */
    public String priority() {
        return priority;
    }

    /** The type with this code. */
    public static AlertType fromCode(String code) {
        for (AlertType type : values()) {
            if (type.code.equals(code)) {
                return type;
            }
        }
        throw new IllegalArgumentException("unknown alert type code: " + code);
    }
}
