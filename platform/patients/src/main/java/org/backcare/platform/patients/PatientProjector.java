package org.backcare.platform.patients;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import org.backcare.platform.events.EventEnvelope;
import org.jboss.logging.Logger;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Keeps the local patient and care-team projection in step with patient-events. Idempotent: the event id is
 * recorded in the same transaction as the change, so a redelivered or replayed event does nothing. A message that
 * can never be applied (unreadable, unknown version) is logged and skipped; any other failure propagates, so
 * {@link PatientEventsConsumer} retries it.
 */
@ApplicationScoped
public class PatientProjector {

    private static final Logger LOG = Logger.getLogger(PatientProjector.class);

    private final ObjectMapper json;
    private final Clock clock;

    public PatientProjector(ObjectMapper json, Clock clock) {
        this.json = json;
        this.clock = clock;
    }

    static final String TOPIC = "patient-events";

    /** Applies one message in its own transaction. */
    @Transactional
    public void onMessage(String payload) {
        EventEnvelope.read(json, TOPIC, payload, PatientEvent.SUPPORTED_VERSION)
                .ifPresent(event -> event.applyOnce(TOPIC, clock, () -> apply(event)));
    }

    private void apply(EventEnvelope event) {
        try {
            switch (event.type()) {
                case "PatientRegistered", "PatientUpdated" ->
                        upsert(event.patientId(), json.treeToValue(event.data(), PatientEvent.Snapshot.class));
                case "CareTeamMemberAdded", "CareTeamMemberRemoved" -> {
                    PatientEvent.CareTeamChange change = json.treeToValue(event.data(), PatientEvent.CareTeamChange.class);
                    existing(event).ifPresent(p -> replaceTeam(p, change.careTeam()));
                }
                case "PatientDischarged" -> existing(event).ifPresent(p -> p.status = "discharged");
                case "RedFlagRaised" -> existing(event).ifPresent(p -> p.urgentReview = true);
                case "UrgentReviewResolved" -> existing(event).ifPresent(p -> p.urgentReview = false);
                default -> LOG.debugf("patient-events: %s is not used here", event.type());
            }
        } catch (JsonProcessingException | IllegalArgumentException e) {
            // Recorded as applied all the same: data that cannot be read now never becomes readable.
            LOG.errorf("patient-events: skipping event %s (%s) with unreadable data: %s", event.id(), event.type(),
                    e.getMessage());
        }
    }

    private Optional<PatientProjection> existing(EventEnvelope event) {
        Optional<PatientProjection> p = PatientProjection.findByIdOptional(event.patientId());
        if (p.isEmpty()) {
            LOG.warnf("patient-events: %s for unknown patient %s ignored", event.type(), event.patientId());
        }
        p.ifPresent(found -> found.updatedAt = Instant.now(clock));
        return p;
    }

    private void upsert(UUID patientId, PatientEvent.Snapshot s) {
        PatientProjection existing = PatientProjection.findById(patientId);
        PatientProjection p = existing != null ? existing : new PatientProjection();
        p.id = patientId;
        p.givenName = s.givenName();
        p.familyName = s.familyName();
        p.oidcSubject = s.oidcSubject();
        p.status = s.status();
        p.painType = s.painType();
        p.urgentReview = s.urgentReview();
        p.comorbidities.clear();
        for (String code : s.comorbidities() == null ? List.<String>of() : s.comorbidities()) {
            p.comorbidities.add(Comorbidity.fromCode(code));
        }
        p.updatedAt = Instant.now(clock);
        replaceTeam(p, s.careTeam());
        if (existing == null) {
            p.persist();
        }
    }

    /** Updates the team in place (no delete-and-reinsert), so a member's row survives an unrelated change. */
    private static void replaceTeam(PatientProjection p, List<PatientEvent.Member> team) {
        List<PatientEvent.Member> members = team == null ? List.of() : team;
        p.careTeam.removeIf(existing -> members.stream().noneMatch(m -> m.subject().equals(existing.subject)));
        for (PatientEvent.Member m : members) {
            CareTeamMember member = p.careTeam.stream().filter(e -> e.subject.equals(m.subject())).findFirst()
                    .orElseGet(() -> {
                        CareTeamMember added = new CareTeamMember();
                        added.id = UUID.randomUUID();
                        added.patient = p;
                        added.subject = m.subject();
                        p.careTeam.add(added);
                        return added;
                    });
            member.role = m.role();
            member.displayName = m.displayName();
        }
    }
}
