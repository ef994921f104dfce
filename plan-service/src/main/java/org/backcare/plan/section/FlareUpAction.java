package org.backcare.plan.section;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import org.backcare.platform.web.Coded;

/** The kinds of step a flare-up plan is made of (seeds: relative rest, heat or ice, staple exercises, when to call). */
public enum FlareUpAction implements Coded {
    RELATIVE_REST("relative-rest"),
    HEAT("heat"),
    ICE("ice"),
    STAPLE_EXERCISES("staple-exercises"),
    MEDICATION("medication"),
    CALL("call");

    private final String code;

    FlareUpAction(String code) {
        this.code = code;
    }

    @Override
    @JsonValue
    public String code() {
        return code;
    }

    @JsonCreator
    public static FlareUpAction fromCode(String code) {
        return Coded.fromCode(FlareUpAction.class, code);
    }
}
