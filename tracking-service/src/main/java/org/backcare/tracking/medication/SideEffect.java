package org.backcare.tracking.medication;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import org.backcare.platform.web.Coded;

/** Side effects a patient can report (seeds: nausea, dizziness, drowsiness or brain fog, stomach issues). */
public enum SideEffect implements Coded {
    NAUSEA("nausea"),
    DIZZINESS("dizziness"),
    DROWSINESS("drowsiness"),
    STOMACH_PAIN("stomach-pain"),
    CONSTIPATION("constipation"),
    DRY_MOUTH("dry-mouth"),
    BRAIN_FOG("brain-fog"),
    OTHER("other");

    private final String code;

    SideEffect(String code) {
        this.code = code;
    }

    @Override
    @JsonValue
    public String code() {
        return code;
    }

    @JsonCreator
    public static SideEffect fromCode(String code) {
        return Coded.fromCode(SideEffect.class, code);
    }
}
