package org.backcare.patient.redflag;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import org.backcare.platform.web.Coded;

/** The warning signs that need urgent medical evaluation (seeds: "Red flags help identify when urgent evaluation is essential"). */
public enum RedFlag implements Coded {
    NEW_LEG_WEAKNESS_OR_PROGRESSIVE_NUMBNESS("new-leg-weakness-or-progressive-numbness",
            "New significant weakness in a leg or progressive numbness"),
    BOWEL_OR_BLADDER_LOSS_OR_SADDLE_NUMBNESS("bowel-or-bladder-loss-or-saddle-numbness",
            "Loss of bowel or bladder control, or numbness in the saddle area"),
    FEVER("fever", "Fever"),
    UNEXPLAINED_WEIGHT_LOSS("unexplained-weight-loss", "Unexplained weight loss"),
    HISTORY_OF_CANCER("history-of-cancer", "History of cancer"),
    RECENT_SIGNIFICANT_TRAUMA("recent-significant-trauma", "Recent significant trauma"),
    SEVERE_UNRELENTING_NIGHT_PAIN("severe-unrelenting-night-pain",
            "Severe unrelenting pain that does not ease with rest, especially at night");

    private final String code;
    private final String description;

    RedFlag(String code, String description) {
        this.code = code;
        this.description = description;
    }

    @Override
    @JsonValue
    public String code() {
        return code;
    }

    public String description() {
        return description;
    }

    @JsonCreator
    public static RedFlag fromCode(String code) {
        return Coded.fromCode(RedFlag.class, code);
    }
}
