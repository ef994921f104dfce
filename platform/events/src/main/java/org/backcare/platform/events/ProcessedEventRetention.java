package org.backcare.platform.events;

import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import org.backcare.platform.web.Retention;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * Forgets event ids applied longer ago than {@code backcare.events.processed-retention}. Redeliveries (a rebalance, a
 * restart before the offset commit) come within minutes, so a long retention keeps every consumer idempotent; only a
 * consumer group reset further back than the retention would apply an event again (README: replaying a topic).
 * Batched by platform-web's Retention, so every instance may run this at once.
 */
@ApplicationScoped
public class ProcessedEventRetention {

    private static final Logger LOG = Logger.getLogger(ProcessedEventRetention.class);
    private static final String DELETE_BATCH = "delete from processed_event where event_id in "
            + "(select event_id from processed_event where processed_at < :cutoff limit :batch for update skip locked)";

    private final Retention purger;
    private final Clock clock;
    private final Duration retention;

    public ProcessedEventRetention(Retention purger, Clock clock,
                                   @ConfigProperty(name = "backcare.events.processed-retention") Duration retention) {
        this.purger = purger;
        this.clock = clock;
        this.retention = retention;
    }

    @Scheduled(identity = "processed-event-retention", every = "${backcare.events.retention-interval}", delayed = "1m",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP, skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    void scheduled() {
        try {
            purge();
        } catch (RuntimeException e) {
            LOG.warnf("processed-event retention pass failed, tried again at the next one: %s", e.getMessage());
        }
    }

    /** Deletes every processed-event record older than the retention; returns how many. */
    public int purge() {
        Instant cutoff = Instant.now(clock).minus(retention);
        int total = purger.purge(DELETE_BATCH, cutoff);
        if (total > 0) {
            LOG.infof("processed-event retention: %d record(s) older than %s deleted", total, cutoff);
        }
        return total;
    }
}
