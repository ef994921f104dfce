package org.backcare.plan.exercise;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import org.backcare.platform.web.Coded;

/** The kinds of exercise a physical therapy programme combines. */
public enum ExerciseCategory implements Coded {
    MOBILITY("mobility"),
    CORE_STABILISATION("core-stabilisation"),
    STRENGTH("strength"),
    AEROBIC("aerobic"),
    TASK_SPECIFIC("task-specific"),
    MIND_BODY("mind-body");

    private final String code;

    ExerciseCategory(String code) {
        this.code = code;
    }

    @Override
    @JsonValue
    public String code() {
        return code;
    }

    @JsonCreator
    public static ExerciseCategory fromCode(String code) {
        return Coded.fromCode(ExerciseCategory.class, code);
    }
}
