package org.backcare.tracking.rules;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import org.jboss.logging.Logger;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * Runs the rules once a day (by default) for active patients who have not checked in for a while, so "no check-in
 * for 3 days" is noticed without a check-in to trigger it. The episode logic raises it once.
 */
@ApplicationScoped
public class MissedCheckInScheduler {

    private static final Logger LOG = Logger.getLogger(MissedCheckInScheduler.class);

    private final RuleEngine rules;
    private final RuleConfig config;
    private final EntityManager em;
    private final Clock clock;

    public MissedCheckInScheduler(RuleEngine rules, RuleConfig config, EntityManager em, Clock clock) {
        this.rules = rules;
        this.config = config;
        this.em = em;
        this.clock = clock;
    }

    @Scheduled(every = "${backcare.missed-check-ins.interval}", delayed = "30s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    void run() {
        int raised = checkAll();
        if (raised > 0) {
            LOG.infof("missed check-ins: %d alert(s) raised", raised);
        }
    }

    /** Evaluates every active patient whose last check-in is old enough; returns the alerts raised. */
    public int checkAll() {
        LocalDate cutoff = LocalDate.now(clock).minusDays(config.missedCheckInDays());
        List<UUID> candidates = QuarkusTransaction.requiringNew().call(() -> em.createQuery("""
                select p.id from PatientProjection p where p.status = 'active'
                and not exists (select 1 from CheckIn c where c.patientId = p.id and c.day > :cutoff)""", UUID.class)
                .setParameter("cutoff", cutoff).getResultList());
        int raised = 0;
        int failed = 0;
        for (UUID patient : candidates) {
            // One transaction per patient: one patient's failure does not hold back the others.
            try {
                raised += QuarkusTransaction.requiringNew().call(() -> rules.evaluate(patient).size());
            } catch (RuntimeException e) {
                failed++;
                LOG.warnf(e, "missed check-ins: patient %s not evaluated this pass; the next pass tries again", patient);
            }
        }
        if (failed > 0) {
            LOG.warnf("missed check-ins: %d of %d patient(s) not evaluated this pass", failed, candidates.size());
        }
        return raised;
    }
}
