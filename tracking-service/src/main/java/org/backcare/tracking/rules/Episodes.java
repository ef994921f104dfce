package org.backcare.tracking.rules;

import java.time.LocalDate;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * "An alert is raised once per episode, not on every check-in while the condition holds." An episode opens when a
 * rule's condition starts to hold and closes on the first evaluation where it no longer holds; only the opening
 * raises an alert.
 */
public final class Episodes {

    /** What to do with one alert type after an evaluation. */
    public enum Decision {
        /** The condition started to hold: open an episode and raise the alert. */
        RAISE,
        /** The condition still holds: the episode stays open, no new alert. */
        KEEP_OPEN,
        /** The condition no longer holds: close the episode. */
        CLOSE,
        /** The condition does not hold and no episode is open. */
        NOTHING
    }

    private Episodes() {
    }

    /**
     * The episode decision table.
     * <pre>
     * condition holds | episode open | decision
     * yes             | no           | RAISE
     * yes             | yes          | KEEP_OPEN
     * no              | yes          | CLOSE
     * no              | no           | NOTHING
     * </pre>
     */
    public static Decision decide(boolean conditionHolds, boolean episodeOpen) {
        if (conditionHolds) {
            return episodeOpen ? Decision.KEEP_OPEN : Decision.RAISE;
        }
        return episodeOpen ? Decision.CLOSE : Decision.NOTHING;
    }

    /**
     * The decision for every alert type, given this evaluation's findings (a type's condition holds when it has a
     * finding) and the types with an open episode.
     */
    public static Map<AlertType, Decision> decideAll(List<Finding> findings, Set<AlertType> openEpisodes) {
        Objects.requireNonNull(findings, "findings");
        Objects.requireNonNull(openEpisodes, "openEpisodes");
        Map<AlertType, Decision> decisions = new EnumMap<>(AlertType.class);
        for (AlertType type : AlertType.values()) {
            boolean holds = findings.stream().anyMatch(f -> f.type() == type);
            decisions.put(type, decide(holds, openEpisodes.contains(type)));
        }
        return decisions;
    }

    /**
     * A red-flag episode ends when the patient says so (today's check-in without red flags) or when the day it was
     * opened ends. An evaluation that knows nothing about today's symptoms (the missed-check-in pass, an exercise log,
     * the backdated days of an offline sync) must not close it: the next backdated red flag of the same sync would
     * alert the team a second time.
     */
    public static Decision redFlagEpisode(Decision decision, boolean checkedInToday, LocalDate openedOn, LocalDate today) {
        if (decision == Decision.CLOSE && !checkedInToday && today.equals(openedOn)) {
            return Decision.KEEP_OPEN;
        }
        return decision;
    }
}
