package org.backcare.plan.section;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import org.backcare.platform.web.Coded;

/** Progress of a SMART goal. */
public enum GoalStatus implements Coded {
    OPEN("open"),
    ACHIEVED("achieved"),
    PARTLY_ACHIEVED("partly-achieved"),
    NOT_ACHIEVED("not-achieved"),
    DROPPED("dropped");

    private final String code;

    GoalStatus(String code) {
        this.code = code;
    }

    @Override
    @JsonValue
    public String code() {
        return code;
    }

    @JsonCreator
    public static GoalStatus fromCode(String code) {
        return Coded.fromCode(GoalStatus.class, code);
    }
}
