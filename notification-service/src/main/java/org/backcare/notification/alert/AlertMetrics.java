package org.backcare.notification.alert;

import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.Startup;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import org.backcare.notification.inbox.NotificationCreated;

import java.util.concurrent.atomic.AtomicLong;

/**
 * What operations watch: urgent alerts nobody has acknowledged yet (a number that should stay near zero), and how
 * many notifications and escalations the service creates. The gauge is refreshed by a query, never per scrape.
 */
@Startup
@ApplicationScoped
public class AlertMetrics {

    private final AtomicLong unacknowledged = new AtomicLong();
    private final MeterRegistry registry;

    public AlertMetrics(MeterRegistry registry) {
        this.registry = registry;
        registry.gauge("backcare_alerts_unacknowledged", unacknowledged);
    }

    void count(@Observes(during = TransactionPhase.AFTER_SUCCESS) NotificationCreated created) {
        registry.counter("backcare_notifications_created", "kind", created.kind(), "priority", created.priority().code())
                .increment();
    }

    @Scheduled(every = "15s", skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    void refresh() {
        unacknowledged.set(QuarkusTransaction.requiringNew().call(() -> Alert.count("acknowledgedAt is null")));
    }
}
