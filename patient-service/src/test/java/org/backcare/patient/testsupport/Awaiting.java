package org.backcare.patient.testsupport;

import java.time.Duration;
import java.util.function.BooleanSupplier;

/** Waits, boundedly, for what happens asynchronously (the outbox relay). */
public final class Awaiting {

    private Awaiting() {
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
