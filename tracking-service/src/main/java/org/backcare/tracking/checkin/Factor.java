package org.backcare.tracking.checkin;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import org.backcare.platform.web.Coded;

/** What makes the pain worse or better (seeds: sitting, bending, walking; posture change, gentle movement, heat). */
public enum Factor implements Coded {
    SITTING("sitting"),
    STANDING("standing"),
    BENDING("bending"),
    LIFTING("lifting"),
    WALKING("walking"),
    STRESS("stress"),
    HEAT("heat"),
    COLD("cold"),
    MOVEMENT("movement"),
    REST("rest"),
    POSTURE_CHANGE("posture-change"),
    SLEEP("sleep"),
    MEDICATION("medication"),
    EXERCISE("exercise");

    private final String code;

    Factor(String code) {
        this.code = code;
    }

    @Override
    @JsonValue
    public String code() {
        return code;
    }

    @JsonCreator
    public static Factor fromCode(String code) {
        return Coded.fromCode(Factor.class, code);
    }
}
