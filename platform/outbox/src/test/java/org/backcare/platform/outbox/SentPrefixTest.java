package org.backcare.platform.outbox;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import static org.assertj.core.api.Assertions.assertThat;

/** Which events of a batch the relay marks sent, given how each send ended. */
class SentPrefixTest {

    private static final RuntimeException BROKER_AWAY = new RuntimeException("broker away");

    @Test
    void aBatchWhoseSendsAllSucceededIsSentWhole() {
        assertThat(SentPrefix.of(Arrays.asList(null, null, null))).isEqualTo(new SentPrefix(3, null));
        assertThat(SentPrefix.of(List.of())).isEqualTo(new SentPrefix(0, null));
    }

    @Test
    void onlyTheEventsBeforeTheFirstFailureAreSentEvenWhenLaterOnesSucceeded() {
        assertThat(SentPrefix.of(Arrays.asList(null, null, BROKER_AWAY, null, null)))
                .isEqualTo(new SentPrefix(2, BROKER_AWAY));
        assertThat(SentPrefix.of(Arrays.asList(BROKER_AWAY, null))).isEqualTo(new SentPrefix(0, BROKER_AWAY));
    }

    @Test
    void theFirstFailureIsTheOneReported() {
        RuntimeException later = new RuntimeException("later");
        assertThat(SentPrefix.of(Arrays.asList(null, BROKER_AWAY, later)).failure()).isSameAs(BROKER_AWAY);
    }

    @Test
    void aSendThatFailsOrIsNotAcknowledgedInTimeEndsThePrefix() {
        assertThat(SentPrefix.await(List.of(CompletableFuture.completedFuture(null),
                CompletableFuture.failedFuture(BROKER_AWAY), CompletableFuture.completedFuture(null)), Duration.ofSeconds(1)))
                .isEqualTo(new SentPrefix(1, BROKER_AWAY));

        SentPrefix timedOut = SentPrefix.await(List.of(CompletableFuture.completedFuture(null), new CompletableFuture<>()),
                Duration.ofMillis(100));
        assertThat(timedOut.length()).isEqualTo(1);
        assertThat(timedOut.failure()).isInstanceOf(TimeoutException.class);
    }

    @Test
    void acknowledgementsThatComeLaterWithinTheTimeoutCount() {
        CompletableFuture<Void> late = new CompletableFuture<>();
        CompletableFuture.delayedExecutor(100, TimeUnit.MILLISECONDS).execute(() -> late.complete(null));

        assertThat(SentPrefix.await(List.of(late, CompletableFuture.completedFuture(null)), Duration.ofSeconds(5)))
                .isEqualTo(new SentPrefix(2, null));
    }

    @Test
    void theTimeoutIsForTheWholeBatchNotForEachSend() {
        List<CompletableFuture<Void>> never = List.of(new CompletableFuture<>(), new CompletableFuture<>(),
                new CompletableFuture<>(), new CompletableFuture<>());
        long start = System.nanoTime();

        SentPrefix.await(never, Duration.ofMillis(200));

        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofMillis(600));
    }

    @Test
    void afterAFailureTheRestOfTheBatchIsStillAwaitedSoNothingIsInFlightWhenItIsSentAgain() {
        CompletableFuture<Void> stillInFlight = new CompletableFuture<>();
        CompletableFuture.delayedExecutor(200, TimeUnit.MILLISECONDS).execute(() -> stillInFlight.complete(null));

        SentPrefix sent = SentPrefix.await(List.of(CompletableFuture.failedFuture(BROKER_AWAY), stillInFlight),
                Duration.ofSeconds(5));

        assertThat(sent).isEqualTo(new SentPrefix(0, BROKER_AWAY));
        assertThat(stillInFlight).isDone();
    }
}
