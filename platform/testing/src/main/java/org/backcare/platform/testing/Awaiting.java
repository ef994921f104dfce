package org.backcare.platform.testing;

import java.time.Duration;
import java.util.function.BooleanSupplier;

/**
 * Waits for what happens asynchronously (an event consumed, a projection updated) by polling a condition, never by
 * sleeping a fixed time. A service's own Awaiting extends this with the conditions of its domain.
 */
public class Awaiting {

    protected Awaiting() {
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
