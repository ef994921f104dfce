package org.backcare.tracking.checkin;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import org.backcare.platform.web.Coded;

/** How the pain feels (seeds: aching, burning, stabbing; nerve pain shoots, tingles, feels electric). */
public enum PainCharacter implements Coded {
    ACHING("aching"),
    BURNING("burning"),
    SHOOTING("shooting"),
    STABBING("stabbing"),
    ELECTRIC("electric"),
    TINGLING("tingling");

    private final String code;

    PainCharacter(String code) {
        this.code = code;
    }

    @Override
    @JsonValue
    public String code() {
        return code;
    }

    @JsonCreator
    public static PainCharacter fromCode(String code) {
        return Coded.fromCode(PainCharacter.class, code);
    }
}
