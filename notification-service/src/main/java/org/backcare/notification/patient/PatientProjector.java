package org.backcare.notification.patient;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import org.backcare.notification.routing.IncomingEvent;
import org.jboss.logging.Logger;

import java.time.Clock;
import java.time.Instant;
import java.util.List;

/**
 * Keeps the patient and care-team projection in step with patient-events (called once per new event). The row is
 * read locked: the tracking-events consumer (last check-in) and the reminder pass (last reminded) write other
 * columns of it concurrently, and an unlocked read-modify-write would put their old values back.
 */
@ApplicationScoped
public class PatientProjector {

    private static final Logger LOG = Logger.getLogger(PatientProjector.class);

    /** data of PatientRegistered and PatientUpdated (the fields used here). */
    @JsonIgnoreProperties(ignoreUnknown = true)
    record Snapshot(String givenName, String familyName, String oidcSubject, String email, String status,
                    List<Member> careTeam) {
    }

    /** data of CareTeamMemberAdded and CareTeamMemberRemoved: the whole team after the change. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    record CareTeamChange(List<Member> careTeam) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record Member(String subject, String role, String displayName, String email) {
    }

    private final ObjectMapper json;
    private final Clock clock;

    public PatientProjector(ObjectMapper json, Clock clock) {
        this.json = json;
        this.clock = clock;
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void apply(IncomingEvent event) throws JsonProcessingException {
        switch (event.type()) {
            case "PatientRegistered", "PatientUpdated" -> upsert(event, json.treeToValue(event.data(), Snapshot.class));
            case "CareTeamMemberAdded", "CareTeamMemberRemoved" -> {
                PatientProjection p = PatientProjection.findById(event.patientId(), LockModeType.PESSIMISTIC_WRITE);
                if (p == null) {
                    LOG.warnf("patient-events: %s for unknown patient %s ignored", event.type(), event.patientId());
                    return;
                }
                replaceTeam(p, json.treeToValue(event.data(), CareTeamChange.class).careTeam());
                p.updatedAt = Instant.now(clock);
            }
            case "PatientDischarged" -> {
                PatientProjection p = PatientProjection.findById(event.patientId(), LockModeType.PESSIMISTIC_WRITE);
                if (p != null) {
                    p.status = "discharged";
                    p.updatedAt = Instant.now(clock);
                }
            }
            default -> {
                // Red flags and their resolution are routed and handled as alerts, not projected.
            }
        }
    }

    private void upsert(IncomingEvent event, Snapshot s) {
        PatientProjection existing = PatientProjection.findById(event.patientId(), LockModeType.PESSIMISTIC_WRITE);
        PatientProjection p = existing != null ? existing : new PatientProjection();
        p.id = event.patientId();
        p.givenName = s.givenName();
        p.familyName = s.familyName();
        p.oidcSubject = s.oidcSubject();
        p.email = s.email();
        p.status = s.status() == null ? "active" : s.status();
        p.updatedAt = Instant.now(clock);
        replaceTeam(p, s.careTeam());
        if (existing == null) {
            p.persist();
        }
    }

    private static void replaceTeam(PatientProjection p, List<Member> team) {
        p.careTeam.clear();
        for (Member m : team == null ? List.<Member>of() : team) {
            if (m.subject() != null && m.role() != null) {
                p.careTeam.add(new TeamMember(m.subject(), m.role(),
                        m.displayName() == null ? m.subject() : m.displayName(), m.email()));
            }
        }
    }
}
