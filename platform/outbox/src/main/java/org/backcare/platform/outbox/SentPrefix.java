package org.backcare.platform.outbox;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * How much of a batch the relay may mark sent: the events from the first up to, not including, the first one whose
 * send was not acknowledged. Marking a later event sent past that gap would let it overtake the failed one, which is
 * sent again on a later pass; so everything from the gap on is sent again.
 *
 * @param length  how many events, from the first, were acknowledged
 * @param failure why event {@code length} was not, or null when the whole batch was
 */
record SentPrefix(int length, Throwable failure) {

    /** The prefix of a batch given each send's outcome in order: null for acknowledged, else the failure. */
    static SentPrefix of(List<Throwable> outcomes) {
        for (int i = 0; i < outcomes.size(); i++) {
            if (outcomes.get(i) != null) {
                return new SentPrefix(i, outcomes.get(i));
            }
        }
        return new SentPrefix(outcomes.size(), null);
    }

    /**
     * Waits, until one deadline for the whole batch, for every acknowledgement, not only up to the first failure: so
     * that, as far as the timeout allows, nothing of this batch is still in flight when the next pass sends it again.
     */
    static SentPrefix await(List<? extends Future<?>> acks, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        List<Throwable> outcomes = new ArrayList<>(acks.size());
        for (Future<?> ack : acks) {
            outcomes.add(outcome(ack, deadline, timeout));
        }
        return of(outcomes);
    }

    private static Throwable outcome(Future<?> ack, long deadline, Duration timeout) {
        try {
            ack.get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
            return null;
        } catch (ExecutionException e) {
            return e.getCause();
        } catch (TimeoutException e) {
            return new TimeoutException("not acknowledged within " + timeout);
        } catch (CancellationException e) {
            return e;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return e;
        }
    }
}
