package org.backcare.plan.section;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import org.backcare.platform.web.Coded;

/** How often a self-management task is due. */
public enum Frequency implements Coded {
    DAILY("daily"),
    EVERY_OTHER_DAY("every-other-day"),
    WEEKLY("weekly");

    private final String code;

    Frequency(String code) {
        this.code = code;
    }

    @Override
    @JsonValue
    public String code() {
        return code;
    }

    @JsonCreator
    public static Frequency fromCode(String code) {
        return Coded.fromCode(Frequency.class, code);
    }
}
