package org.backcare.plan.plan;

import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

import static org.backcare.plan.plan.PlanStatus.ACTIVE;
import static org.backcare.plan.plan.PlanStatus.COMPLETED;
import static org.backcare.plan.plan.PlanStatus.DISCONTINUED;
import static org.backcare.plan.plan.PlanStatus.DRAFT;
import static org.backcare.plan.plan.PlanStatus.ON_HOLD;

/**
 * The allowed moves of a plan: draft -> active -> (on-hold <-> active) -> completed | discontinued.
 * A draft that is never started, and a paused plan, may also be discontinued; completed and discontinued are final.
 */
public final class PlanLifecycle {

    private static final Map<PlanStatus, Set<PlanStatus>> NEXT = Map.of(
            DRAFT, EnumSet.of(ACTIVE, DISCONTINUED),
            ACTIVE, EnumSet.of(ON_HOLD, COMPLETED, DISCONTINUED),
            ON_HOLD, EnumSet.of(ACTIVE, DISCONTINUED),
            COMPLETED, EnumSet.noneOf(PlanStatus.class),
            DISCONTINUED, EnumSet.noneOf(PlanStatus.class));

    private PlanLifecycle() {
    }

    public static boolean canMove(PlanStatus from, PlanStatus to) {
        return NEXT.get(from).contains(to);
    }

    public static Set<PlanStatus> next(PlanStatus from) {
        return NEXT.get(from);
    }

    /** Draft, active and on-hold plans are open: a patient has at most one open plan (one episode at a time). */
    public static boolean isOpen(PlanStatus status) {
        return status == DRAFT || status == ACTIVE || status == ON_HOLD;
    }
}
