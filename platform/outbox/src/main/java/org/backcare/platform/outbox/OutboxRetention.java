package org.backcare.platform.outbox;

import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import org.backcare.platform.web.Retention;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * Deletes events Kafka acknowledged longer ago than {@code backcare.outbox.retention}: once sent, the row is only a
 * record for operators, and the table would otherwise grow with every change ever made. Unsent rows are never
 * touched. Batched by platform-web's Retention, so every instance may run this at once.
 */
@ApplicationScoped
public class OutboxRetention {

    private static final Logger LOG = Logger.getLogger(OutboxRetention.class);
    private static final String DELETE_BATCH = "delete from outbox_event where seq in "
            + "(select seq from outbox_event where sent_at < :cutoff limit :batch for update skip locked)";

    private final Retention purger;
    private final Clock clock;
    private final Duration retention;

    public OutboxRetention(Retention purger, Clock clock,
                           @ConfigProperty(name = "backcare.outbox.retention") Duration retention) {
        this.purger = purger;
        this.clock = clock;
        this.retention = retention;
    }

    @Scheduled(identity = "outbox-retention", every = "${backcare.outbox.retention-interval}", delayed = "1m",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP, skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    void scheduled() {
        try {
            purge();
        } catch (RuntimeException e) {
            LOG.warnf("outbox retention pass failed, tried again at the next one: %s", e.getMessage());
        }
    }

    /** Deletes every sent event older than the retention; returns how many. */
    public int purge() {
        Instant cutoff = Instant.now(clock).minus(retention);
        int total = purger.purge(DELETE_BATCH, cutoff);
        if (total > 0) {
            LOG.infof("outbox retention: %d event(s) sent before %s deleted", total, cutoff);
        }
        return total;
    }
}
