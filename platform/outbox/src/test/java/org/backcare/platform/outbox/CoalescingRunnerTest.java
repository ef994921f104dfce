package org.backcare.platform.outbox;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;

import static org.assertj.core.api.Assertions.assertThat;

/** The relay's wake-ups: one pass at a time, wakes during a pass coalesced, none lost, none after shutdown. */
class CoalescingRunnerTest {

    private CoalescingRunner runner;

    @AfterEach
    void stop() {
        if (runner != null) {
            runner.shutdown(Duration.ofSeconds(5));
        }
    }

    @Test
    void requestsDuringARunAreCoalescedIntoOneMoreRun() throws InterruptedException {
        CountDownLatch firstRunStarted = new CountDownLatch(1);
        CountDownLatch releaseFirstRun = new CountDownLatch(1);
        AtomicInteger runs = new AtomicInteger();
        runner = new CoalescingRunner("test-runner", () -> {
            if (runs.incrementAndGet() == 1) {
                firstRunStarted.countDown();
                await(releaseFirstRun);
            }
        });

        runner.request();
        assertThat(firstRunStarted.await(5, TimeUnit.SECONDS)).isTrue();
        for (int i = 0; i < 10; i++) {
            runner.request();
        }
        releaseFirstRun.countDown();

        until(() -> runs.get() == 2, "the second run");
        Thread.sleep(200);
        assertThat(runs).hasValue(2);
    }

    @Test
    void neverTwoRunsAtOnceAndEveryRequestIsFollowedByARun() throws InterruptedException {
        AtomicInteger requested = new AtomicInteger();
        AtomicInteger running = new AtomicInteger();
        AtomicInteger overlaps = new AtomicInteger();
        AtomicInteger seenByLatestRun = new AtomicInteger();
        runner = new CoalescingRunner("test-runner", () -> {
            if (running.incrementAndGet() > 1) {
                overlaps.incrementAndGet();
            }
            // A run serves every request made before it starts.
            seenByLatestRun.set(requested.get());
            spin(50);
            running.decrementAndGet();
        });

        for (int round = 0; round < 50; round++) {
            // Two requesters, pausing at random, so requests land before, during and at the very end of runs.
            List<Thread> requesters = new ArrayList<>();
            for (int t = 0; t < 2; t++) {
                Thread requester = new Thread(() -> {
                    for (int i = 0; i < 100; i++) {
                        requested.incrementAndGet();
                        runner.request();
                        spin(ThreadLocalRandom.current().nextInt(100));
                    }
                });
                requester.start();
                requesters.add(requester);
            }
            for (Thread requester : requesters) {
                requester.join();
            }
            int total = requested.get();
            until(() -> seenByLatestRun.get() == total, "a run after request " + total);
        }
        assertThat(overlaps).hasValue(0);
    }

    @Test
    void aFailingRunDoesNotStopLaterRequests() {
        AtomicInteger runs = new AtomicInteger();
        runner = new CoalescingRunner("test-runner", () -> {
            if (runs.incrementAndGet() == 1) {
                throw new IllegalStateException("database away");
            }
        });

        runner.request();
        until(() -> runs.get() == 1, "the failing run");
        runner.request();

        until(() -> runs.get() == 2, "a run after the failing one");
    }

    @Test
    void nothingRunsAfterShutdown() throws InterruptedException {
        AtomicInteger runs = new AtomicInteger();
        runner = new CoalescingRunner("test-runner", runs::incrementAndGet);
        runner.request();
        until(() -> runs.get() == 1, "the run before shutdown");

        runner.shutdown(Duration.ofSeconds(5));
        runner.request();

        Thread.sleep(200);
        assertThat(runs).hasValue(1);
    }

    private static void spin(long micros) {
        long end = System.nanoTime() + micros * 1000;
        while (System.nanoTime() < end) {
            Thread.onSpinWait();
        }
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void until(BooleanSupplier condition, String what) {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("timed out waiting for " + what);
            }
            Thread.onSpinWait();
        }
    }
}
