package org.backcare.tracking.testsupport;

import java.time.Duration;
import java.util.UUID;
import java.util.function.BooleanSupplier;

import static org.backcare.tracking.testsupport.Api.as;

/** Waits, boundedly, for what the Kafka consumer does asynchronously. */
public final class Awaiting {

    private Awaiting() {
    }

    /** Until {@code user} can read the patient's timeline (the projection knows the patient and the team). */
    public static void projected(UUID patientId, Users user) {
        until(() -> as(user).get("/patients/{id}/timeline", patientId).statusCode() == 200, Duration.ofSeconds(30),
                "patient " + patientId + " projected for " + user.role());
    }

    public static void until(BooleanSupplier condition, Duration timeout, String what) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (condition.getAsBoolean()) {
                return;
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
        throw new AssertionError("timed out waiting for " + what);
    }
}
