package org.backcare.plan.plan;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import org.backcare.platform.web.Coded;

/** Where a plan is in its life: draft, active, on hold, or ended. */
public enum PlanStatus implements Coded {
    DRAFT("draft"),
    ACTIVE("active"),
    ON_HOLD("on-hold"),
    COMPLETED("completed"),
    DISCONTINUED("discontinued");

    private final String code;

    PlanStatus(String code) {
        this.code = code;
    }

    @Override
    @JsonValue
    public String code() {
        return code;
    }

    @JsonCreator
    public static PlanStatus fromCode(String code) {
        return Coded.fromCode(PlanStatus.class, code);
    }
}
