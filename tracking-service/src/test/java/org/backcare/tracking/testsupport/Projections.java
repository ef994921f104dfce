package org.backcare.tracking.testsupport;

import io.quarkus.narayana.jta.QuarkusTransaction;
import org.backcare.tracking.plan.ActivePlan;

import java.time.Duration;
import java.util.UUID;

/** Waits until the plan-events consumer has projected a plan (nothing in the API shows the projection itself). */
public final class Projections {

    private Projections() {
    }

    public static void awaitActivePlan(UUID patientId, UUID planId) {
        Awaiting.until(() -> QuarkusTransaction.requiringNew().call(() -> {
            ActivePlan plan = ActivePlan.findById(patientId);
            return plan != null && plan.planId.equals(planId);
        }), Duration.ofSeconds(30), "plan " + planId + " projected");
    }
}
