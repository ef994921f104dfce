package org.backcare.notification.alert;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import org.backcare.notification.inbox.Inbox;
import org.backcare.notification.inbox.Notification;
import org.backcare.notification.patient.Contexts;
import org.backcare.notification.routing.PatientContext;
import org.backcare.notification.routing.Priority;
import org.backcare.notification.routing.Recipient;
import org.jboss.logging.Logger;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

/** Raises, escalates and closes urgent alerts. */
@ApplicationScoped
public class Alerts {

    /** The kind of the notifications an escalation sends. */
    public static final String ESCALATION_KIND = "escalation";

    private static final Logger LOG = Logger.getLogger(Alerts.class);

    private final Clock clock;
    private final EscalationConfig config;
    private final Inbox inbox;
    private final Contexts contexts;

    public Alerts(Clock clock, EscalationConfig config, Inbox inbox, Contexts contexts) {
        this.clock = clock;
        this.config = config;
        this.inbox = inbox;
        this.contexts = contexts;
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public Alert raise(UUID patientId, UUID sourceEventId, String kind, String summary) {
        Instant now = Instant.now(clock);
        Alert alert = new Alert();
        alert.id = UUID.randomUUID();
        alert.patientId = patientId;
        alert.sourceEventId = sourceEventId;
        alert.kind = kind;
        alert.summary = summary;
        alert.raisedAt = now;
        alert.escalationLevel = 0;
        alert.nextEscalationAt = now.plus(config.timeout());
        alert.persist();
        return alert;
    }

    /**
     * Closes the open alerts of a patient because a physician resolved the urgent review in patient-service: the
     * responsible person has dealt with it, so nobody needs to be chased any more.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public int resolveFor(UUID patientId, String resolvedBy) {
        List<Alert> open = Alert.list("patientId = ?1 and acknowledgedAt is null", patientId);
        Instant now = Instant.now(clock);
        for (Alert alert : open) {
            alert.acknowledgedAt = now;
            alert.acknowledgedBy = resolvedBy;
            alert.nextEscalationAt = null;
        }
        return open.size();
    }

    /** The ids of the alerts whose escalation is due, oldest first (no lock: each is re-checked when escalated). */
    @Transactional
    public List<UUID> dueIds(int limit) {
        return Alert.<Alert>find("acknowledgedAt is null and nextEscalationAt <= ?1 order by nextEscalationAt",
                Instant.now(clock)).page(0, limit).list().stream().map(a -> a.id).toList();
    }

    /**
     * Escalates one alert if it is still due, in its own transaction. The row is locked with SKIP LOCKED, so an
     * acknowledgement in progress (which holds the lock) wins and two instances never escalate the same alert twice.
     */
    @Transactional
    public boolean escalateIfDue(UUID alertId) {
        @SuppressWarnings("unchecked")
        List<Alert> due = Alert.getEntityManager()
                .createNativeQuery("select * from alert where id = :id and acknowledged_at is null "
                        + "and next_escalation_at <= :now for update skip locked", Alert.class)
                .setParameter("id", alertId)
                .setParameter("now", Instant.now(clock))
                .getResultList();
        if (due.isEmpty()) {
            return false;
        }
        escalate(due.get(0));
        return true;
    }

    /** After a failed escalation: try this alert again after a pause, without holding up the others. */
    @Transactional
    public void postpone(UUID alertId) {
        Alert alert = Alert.findById(alertId);
        if (alert != null && !alert.isAcknowledged()) {
            alert.nextEscalationAt = Instant.now(clock).plus(config.checkInterval().multipliedBy(4));
        }
    }

    private void escalate(Alert alert) {
        PatientContext patient = contexts.of(alert.patientId);
        Set<String> notified = Notification.<Notification>list("alertId = ?1 and recipientSubject is not null", alert.id)
                .stream().map(n -> n.recipientSubject).collect(Collectors.toSet());
        EscalationPolicy.Step step = EscalationPolicy.next(alert.escalationLevel, patient, notified);
        Instant now = Instant.now(clock);
        String title = "ESCALATED: " + alert.summary;
        String message = "Nobody has acknowledged this urgent alert about " + patient.displayName() + " since "
                + alert.raisedAt + " (escalation level " + step.level() + "). Acknowledge it if you take it on. "
                + alert.summary;
        for (Recipient recipient : step.recipients()) {
            inbox.store(recipient, alert.patientId, alert.sourceEventId, alert.id, ESCALATION_KIND, Priority.URGENT,
                    title, message, step.level());
        }
        AlertEscalation record = new AlertEscalation();
        record.id = UUID.randomUUID();
        record.alertId = alert.id;
        record.level = step.level();
        record.escalatedAt = now;
        record.recipients = step.recipients().stream().map(Recipient::key).toList();
        record.persist();
        alert.escalationLevel = step.level();
        alert.nextEscalationAt = now.plus(config.timeout());
        LOG.infof("alert %s about patient %s escalated to level %d: %s", alert.id, alert.patientId, step.level(),
                record.recipients);
    }
}
