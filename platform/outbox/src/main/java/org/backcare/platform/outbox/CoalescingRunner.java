package org.backcare.platform.outbox;

import org.jboss.logging.Logger;

import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Runs a task on its own thread whenever asked, never twice at once. Requests that arrive during a run are coalesced
 * into one more run after it, and none is lost: a request that arrives while a run is finishing still gets a run
 * that starts after it.
 */
final class CoalescingRunner {

    private static final Logger LOG = Logger.getLogger(CoalescingRunner.class);

    private final Runnable task;
    private final ExecutorService thread;
    /** Requests not yet served; not zero while a run is queued or going on. */
    private final AtomicInteger pending = new AtomicInteger();
    private volatile boolean stopped;

    CoalescingRunner(String threadName, Runnable task) {
        this.task = task;
        this.thread = Executors.newSingleThreadExecutor(runnable -> {
            Thread t = new Thread(runnable, threadName);
            t.setDaemon(true);
            return t;
        });
    }

    /** Asks for a run; returns at once. */
    void request() {
        // Only the request that finds nothing pending starts the loop; the others are counted and served by it.
        if (!stopped && pending.getAndIncrement() == 0) {
            try {
                thread.execute(this::runWhileRequested);
            } catch (RejectedExecutionException e) {
                // Shut down meanwhile: nothing runs any more.
            }
        }
    }

    private void runWhileRequested() {
        int served;
        do {
            served = pending.get();
            if (!stopped) {
                try {
                    task.run();
                } catch (RuntimeException e) {
                    LOG.errorf(e, "%s failed", Thread.currentThread().getName());
                }
            }
            // Requests counted during the run leave the counter above zero: run again.
        } while (pending.addAndGet(-served) > 0);
    }

    /** No run starts after this; waits up to {@code timeout} for the one going on, then interrupts it. */
    void shutdown(Duration timeout) {
        stopped = true;
        thread.shutdown();
        try {
            if (!thread.awaitTermination(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                thread.shutdownNow();
            }
        } catch (InterruptedException e) {
            thread.shutdownNow();
            Thread.currentThread().interrupt();
        }
    }
}
