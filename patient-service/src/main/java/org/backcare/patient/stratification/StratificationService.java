package org.backcare.patient.stratification;

import io.micrometer.core.instrument.MeterRegistry;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import org.backcare.patient.careteam.CareTeamRole;
import org.backcare.patient.outbox.EventType;
import org.backcare.patient.record.Patient;
import org.backcare.patient.record.PatientSnapshot;
import org.backcare.platform.outbox.Outbox;
import org.jboss.logging.Logger;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

/**
 * Keeps the patient's latest STarT Back stratum (from tracking-service's InstrumentCompleted) and runs the
 * psychology referral rule ({@link PsychologyReferralRule}) whenever the stratum or the care team changes, telling
 * the physicians through {@code PsychologyReferralNeeded} once per episode. Everything in the caller's transaction.
 */
@ApplicationScoped
public class StratificationService {

    private static final Logger LOG = Logger.getLogger(StratificationService.class);

    private final Outbox outbox;
    private final EntityManager em;
    private final Clock clock;
    private final MeterRegistry metrics;

    public StratificationService(Outbox outbox, EntityManager em, Clock clock, MeterRegistry metrics) {
        this.outbox = outbox;
        this.em = em;
        this.clock = clock;
        this.metrics = metrics;
    }

    /** The data of PsychologyReferralNeeded on patient-events (deploy/asyncapi.yaml). */
    public record PsychologyReferralNeeded(UUID questionnaireId, LocalDate day, String stratum, Instant raisedAt,
                                           String message, List<String> audience) {
    }

    /**
     * Stores a STarT Back result as the patient's stratum unless a later one is stored already (an earlier day; on the
     * same day the later arrival wins), publishes PatientUpdated when the stratum changed, and runs the referral rule.
     * Returns whether the result was stored.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public boolean startBackScored(UUID patientId, UUID questionnaireId, LocalDate day, String stratum) {
        // Locked: a care-team change evaluates the same episode; one of the two waits for the other's commit.
        Patient p = Patient.findById(patientId, LockModeType.PESSIMISTIC_WRITE);
        if (p == null) {
            LOG.warnf("STarT Back result %s for unknown patient %s; ignored", questionnaireId, patientId);
            return false;
        }
        if (p.isDischarged()) {
            LOG.infof("STarT Back result %s for discharged patient %s; the record is read-only, ignored",
                    questionnaireId, patientId);
            return false;
        }
        RiskStratum current = p.riskStratum;
        boolean hasCurrent = current != null && current.stratum != null;
        if (hasCurrent && (questionnaireId.equals(current.questionnaireId) || day.isBefore(current.day))) {
            LOG.debugf("STarT Back result %s of %s is not newer than the stored one of %s; ignored", questionnaireId,
                    day, current.day);
            return false;
        }
        boolean changed = !hasCurrent || !Objects.equals(current.stratum, stratum);
        p.riskStratum = new RiskStratum(stratum, day, questionnaireId);
        p.touch(Instant.now(clock));
        em.flush();
        if (changed) {
            outbox.publish(EventType.PATIENT_UPDATED, p.id, PatientSnapshot.of(p));
        }
        evaluateReferral(p);
        return true;
    }

    /**
     * Runs the referral rule on the patient as they are now (stratum and care team) and opens or closes the episode;
     * opening one publishes PsychologyReferralNeeded. The caller holds the patient row (locked or updated).
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void evaluateReferral(Patient p) {
        ReferralEpisode episode = ReferralEpisode.findById(p.id);
        boolean psychologist = p.careTeam.stream().anyMatch(m -> m.role == CareTeamRole.PSYCHOLOGIST);
        String stratum = p.riskStratum == null ? null : p.riskStratum.stratum;
        Instant now = Instant.now(clock);
        switch (PsychologyReferralRule.decide(stratum, psychologist, p.isDischarged(), episode != null && episode.open)) {
            case OPEN -> {
                boolean first = episode == null;
                if (first) {
                    episode = new ReferralEpisode();
                    episode.patientId = p.id;
                }
                episode.open = true;
                episode.questionnaireId = p.riskStratum.questionnaireId;
                episode.openedAt = now;
                episode.closedAt = null;
                if (first) {
                    episode.persist();
                }
                outbox.publish(EventType.PSYCHOLOGY_REFERRAL_NEEDED, p.id, new PsychologyReferralNeeded(
                        p.riskStratum.questionnaireId, p.riskStratum.day, stratum, now, PsychologyReferralRule.MESSAGE,
                        List.of(CareTeamRole.PHYSICIAN.code())));
                metrics.counter("backcare.psychology.referrals.needed").increment();
            }
            case CLOSE -> {
                episode.open = false;
                episode.closedAt = now;
            }
            case KEEP -> {
            }
        }
    }
}
