package org.backcare.tracking.checkin;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import org.backcare.platform.web.Coded;

/** Warning signs a patient can report that need urgent medical evaluation. */
public enum RedFlagSymptom implements Coded {
    NEW_WEAKNESS("new-weakness"),
    BOWEL_OR_BLADDER_CHANGE("bowel-or-bladder-change"),
    SADDLE_NUMBNESS("saddle-numbness"),
    FEVER("fever");

    private final String code;

    RedFlagSymptom(String code) {
        this.code = code;
    }

    @Override
    @JsonValue
    public String code() {
        return code;
    }

    @JsonCreator
    public static RedFlagSymptom fromCode(String code) {
        return Coded.fromCode(RedFlagSymptom.class, code);
    }
}
