package org.backcare.plan.assessment;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import org.backcare.platform.web.Coded;

/** The instruments tracking-service scores (GET /questionnaires there); the codes are its instrument ids. */
public enum Instrument implements Coded {
    START_BACK("start-back", "STarT Back Screening Tool"),
    PHQ_9("phq-9", "PHQ-9 (depression)"),
    GAD_7("gad-7", "GAD-7 (anxiety)"),
    PCS("pcs", "Pain Catastrophizing Scale"),
    TSK_11("tsk-11", "Tampa Scale of Kinesiophobia (TSK-11)"),
    PSEQ("pseq", "Pain Self-Efficacy Questionnaire"),
    ODI("odi", "Oswestry Disability Index");

    private final String code;
    private final String title;

    Instrument(String code, String title) {
        this.code = code;
        this.title = title;
    }

    @Override
    @JsonValue
    public String code() {
        return code;
    }

    public String title() {
        return title;
    }

    @JsonCreator
    public static Instrument fromCode(String code) {
        return Coded.fromCode(Instrument.class, code);
    }
}
