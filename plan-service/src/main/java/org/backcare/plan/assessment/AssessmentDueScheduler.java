package org.backcare.plan.assessment;

import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import org.backcare.plan.outbox.EventType;
import org.backcare.plan.plan.Plan;
import org.backcare.plan.plan.PlanStatus;
import org.backcare.platform.outbox.Outbox;
import org.jboss.logging.Logger;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * Raises AssessmentDue (a reminder for the patient) once per due occurrence of an active plan's assessments schedule,
 * and AssessmentOverdue (for the owning discipline) once when it is still open after the grace period. Each notice
 * is claimed in assessment_notice in the same transaction as its outbox event, so it goes out once whichever
 * instance gets there first and however often the pass runs; a pass also holds a transaction advisory lock, so two
 * instances do not work through the same plans at the same time.
 */
@ApplicationScoped
public class AssessmentDueScheduler {

    private static final Logger LOG = Logger.getLogger(AssessmentDueScheduler.class);
    /** The advisory lock key of a pass (any constant of this service; "assessment notices"). */
    private static final long PASS_LOCK = 0x17A55E55L;
    static final String DUE = "DUE";
    static final String OVERDUE = "OVERDUE";

    private final Assessments assessments;
    private final Outbox outbox;
    private final EntityManager em;
    private final Clock clock;

    public AssessmentDueScheduler(Assessments assessments, Outbox outbox, EntityManager em, Clock clock) {
        this.assessments = assessments;
        this.outbox = outbox;
        this.em = em;
        this.clock = clock;
    }

    /** The data of AssessmentDue. */
    public record Due(UUID planId, String instrument, LocalDate dueDay, String discipline) {
    }

    /** The data of AssessmentOverdue. */
    public record Overdue(UUID planId, String instrument, LocalDate dueDay, long daysOverdue, String discipline) {
    }

    @Scheduled(identity = "assessment-due", every = "${backcare.assessments.check-interval}", delayed = "10s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    void check() {
        try {
            int raised = raise();
            if (raised > 0) {
                LOG.infof("raised %d assessment notice(s)", raised);
            }
        } catch (RuntimeException e) {
            LOG.warnf("assessment notice pass failed, tried again at the next one: %s", e.getMessage());
        }
    }

    /** One pass over the active plans; returns how many notices it raised (0 when another instance holds the pass). */
    @Transactional
    public int raise() {
        Boolean locked = (Boolean) em.createNativeQuery("select pg_try_advisory_xact_lock(?1)")
                .setParameter(1, PASS_LOCK).getSingleResult();
        if (!Boolean.TRUE.equals(locked)) {
            return 0;
        }
        LocalDate today = LocalDate.now(clock);
        int raised = 0;
        List<Plan> active = Plan.list("status = ?1 and startDate <= ?2", PlanStatus.ACTIVE, today);
        for (Plan plan : active) {
            for (AssessmentsDue.Occurrence open : assessments.open(plan, today)) {
                String instrument = open.instrument().code();
                String discipline = open.discipline().code();
                if (claim(plan.id, instrument, open.dueDay(), DUE)) {
                    outbox.publish(EventType.ASSESSMENT_DUE, plan.patientId,
                            new Due(plan.id, instrument, open.dueDay(), discipline));
                    raised++;
                }
                if (open.overdue() && claim(plan.id, instrument, open.dueDay(), OVERDUE)) {
                    outbox.publish(EventType.ASSESSMENT_OVERDUE, plan.patientId,
                            new Overdue(plan.id, instrument, open.dueDay(), open.daysOverdue(), discipline));
                    raised++;
                }
            }
        }
        return raised;
    }

    /** Records the notice unless it was raised before; true when this call recorded it. */
    private boolean claim(UUID planId, String instrument, LocalDate dueDay, String kind) {
        return em.createNativeQuery("insert into assessment_notice (plan_id, instrument, due_day, kind, raised_at) "
                        + "values (?1, ?2, ?3, ?4, ?5) on conflict do nothing")
                .setParameter(1, planId).setParameter(2, instrument).setParameter(3, dueDay).setParameter(4, kind)
                .setParameter(5, Instant.now(clock)).executeUpdate() == 1;
    }
}
