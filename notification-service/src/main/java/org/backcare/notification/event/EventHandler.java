package org.backcare.notification.event;

import org.backcare.platform.events.EventEnvelope;
import org.backcare.platform.events.ProcessedEvent;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.persistence.LockModeType;
import io.quarkus.narayana.jta.QuarkusTransaction;
import org.backcare.notification.alert.Alert;
import org.backcare.notification.alert.Alerts;
import org.backcare.notification.inbox.Inbox;
import org.backcare.notification.patient.Contexts;
import org.backcare.notification.patient.PatientProjection;
import org.backcare.notification.patient.PatientProjector;
import org.backcare.notification.plan.PlanProjector;
import org.backcare.notification.routing.IncomingEvent;
import org.backcare.notification.routing.Notice;
import org.backcare.notification.routing.PatientContext;
import org.backcare.notification.routing.Routing;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import java.time.Clock;
import java.time.Duration;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/**
 * Handles one event from any topic, exactly once: projections, routing, the notifications (and the urgent alert) it
 * causes and the processed-event record all commit in one transaction. A redelivered or replayed event finds its
 * id recorded and changes nothing; an event whose data cannot be read changes nothing and is recorded as handled.
 */
@ApplicationScoped
public class EventHandler {

    private static final Logger LOG = Logger.getLogger(EventHandler.class);
    /** The schema version of data this service reads, for every event type it uses. */
    static final int SUPPORTED_VERSION = 1;

    private final ObjectMapper json;
    private final Clock clock;
    private final PatientProjector patients;
    private final PlanProjector plans;
    private final Contexts contexts;
    private final Inbox inbox;
    private final Alerts alerts;
    private final Event<EventRouted> routed;
    private final Duration waitForPatient;

    public EventHandler(ObjectMapper json, Clock clock, PatientProjector patients, PlanProjector plans,
                        Contexts contexts, Inbox inbox, Alerts alerts, Event<EventRouted> routed,
                        @ConfigProperty(name = "backcare.routing.wait-for-patient") Duration waitForPatient) {
        this.waitForPatient = waitForPatient;
        this.json = json;
        this.clock = clock;
        this.patients = patients;
        this.plans = plans;
        this.contexts = contexts;
        this.inbox = inbox;
        this.alerts = alerts;
        this.routed = routed;
    }

    /** Reads and handles one Kafka message; returns whether it had an effect (false: unreadable, old or unknown). */
    public boolean handle(String topic, String payload) {
        Optional<EventEnvelope> read = EventEnvelope.read(json, topic, payload, SUPPORTED_VERSION);
        if (read.isEmpty()) {
            return false;
        }
        EventEnvelope envelope = read.get();
        IncomingEvent event = new IncomingEvent(envelope.id(), envelope.type(), envelope.patientId(),
                envelope.occurredAt(), envelope.data());
        try {
            return QuarkusTransaction.requiringNew().call(() -> apply(topic, envelope, event));
        } catch (UnreadableData e) {
            // Its effects were rolled back; recorded as handled so it is not retried: it would never become readable.
            LOG.errorf("%s: event %s (%s) has unreadable data, recorded without effect: %s", topic, event.id(),
                    event.type(), e.getMessage());
            return QuarkusTransaction.requiringNew().call(() -> {
                if (ProcessedEvent.findById(event.id()) == null) {
                    recordProcessed(topic, event);
                }
                return false;
            });
        }
    }

    /** Projections, notifications and the processed-event record, all in the caller's transaction. */
    private boolean apply(String topic, EventEnvelope envelope, IncomingEvent event) {
        boolean applied = envelope.applyOnce(topic, clock, () -> {
            try {
                project(topic, event);
                notify(event);
            } catch (JsonProcessingException | IllegalArgumentException | DateTimeException e) {
                throw new UnreadableData(e);
            }
        });
        if (!applied) {
            LOG.debugf("%s: event %s was handled before; ignored", topic, event.id());
        }
        return applied;
    }

    private void recordProcessed(String topic, IncomingEvent event) {
        ProcessedEvent.record(event.id(), topic, event.type(), Instant.now(clock));
    }

    /** An event about a patient patient-events has not described yet; retried, not routed to the admins. */
    static final class PatientNotYetKnown extends RuntimeException {
        PatientNotYetKnown(IncomingEvent event) {
            super("patient " + event.patientId() + " of " + event.type() + " " + event.id()
                    + " is not projected yet; waiting for patient-events");
        }
    }

    /** Data of a known event type that cannot be read; thrown to roll back whatever the event had changed. */
    private static final class UnreadableData extends RuntimeException {
        UnreadableData(Exception cause) {
            super(cause.getMessage(), cause);
        }
    }

    private void project(String topic, IncomingEvent event) throws JsonProcessingException {
        switch (topic) {
            case "patient-events" -> patients.apply(event);
            case "plan-events" -> plans.apply(event);
            case "tracking-events" -> {
                if (event.type().equals("CheckInRecorded") && event.text("day") != null) {
                    // Locked: patient-events and the reminder pass write the same row (see PatientProjector).
                    PatientProjection p = PatientProjection.findById(event.patientId(), LockModeType.PESSIMISTIC_WRITE);
                    LocalDate day = LocalDate.parse(event.text("day"));
                    if (p != null && (p.lastCheckInDay == null || day.isAfter(p.lastCheckInDay))) {
                        p.lastCheckInDay = day;
                    }
                }
            }
            default -> throw new IllegalArgumentException("unknown topic " + topic);
        }
    }

    private void notify(IncomingEvent event) {
        if (event.type().equals("UrgentReviewResolved")) {
            int closed = alerts.resolveFor(event.patientId(), event.text("resolvedBy"));
            LOG.infof("urgent review of patient %s resolved; %d open alert(s) closed", event.patientId(), closed);
            return;
        }
        PatientContext patient = contexts.of(event.patientId());
        if (PatientProjection.findById(event.patientId()) == null
                && event.occurredAt() != null && event.occurredAt().plus(waitForPatient).isAfter(Instant.now(clock))) {
            // The topics are read independently: after a restart or a rebalance, tracking-events can run ahead of
            // patient-events. Routing now would send a new patient's urgent alert to the admins' queue instead of
            // the team; rolled back and retried (EventRetry's growing pauses) until the projection has caught up.
            throw new PatientNotYetKnown(event);
        }
        List<Notice> notices = Routing.route(event, patient);
        if (notices.isEmpty()) {
            return;
        }
        Alert alert = notices.stream().filter(Notice::needsAcknowledgement).findFirst()
                .map(n -> alerts.raise(event.patientId(), event.id(), n.kind(), n.title()))
                .orElse(null);
        inbox.deliver(notices, event.patientId(), event.id(), alert == null ? null : alert.id, 0);
        routed.fire(new EventRouted(event, notices));
    }
}
