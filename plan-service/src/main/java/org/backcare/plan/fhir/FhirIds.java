package org.backcare.plan.fhir;

import java.util.Optional;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * FHIR ids of the resources made from plan sections. A CarePlan is the plan's UUID; a MedicationRequest is the
 * prescription's own UUID (stable across revisions, assigned by the medication section); a goal has no id of its own
 * in the goals section, so its id is {@code {planId}-goal-{index}}, the 0-based position in the section (the same
 * index the JSON API uses, {@code goals[0]}). Reordering goals therefore renumbers them.
 */
public final class FhirIds {

    private static final Pattern GOAL = Pattern.compile(
            "([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})-goal-(0|[1-9][0-9]{0,2})");
    private static final Pattern UUID_TEXT = Pattern.compile(
            "[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");

    private FhirIds() {
    }

    public record GoalId(UUID planId, int index) {
    }

    public static String goal(UUID planId, int index) {
        return planId + "-goal-" + index;
    }

    public static Optional<GoalId> parseGoal(String id) {
        Matcher m = GOAL.matcher(id == null ? "" : id);
        return m.matches() ? Optional.of(new GoalId(UUID.fromString(m.group(1)), Integer.parseInt(m.group(2))))
                : Optional.empty();
    }

    /** A canonical lowercase UUID, or empty (an id that cannot exist here answers 404, not 400). */
    public static Optional<UUID> uuid(String id) {
        return id != null && UUID_TEXT.matcher(id).matches() ? Optional.of(UUID.fromString(id)) : Optional.empty();
    }
}
