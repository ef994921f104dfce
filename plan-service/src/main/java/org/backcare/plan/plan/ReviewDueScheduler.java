package org.backcare.plan.plan;

import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import org.backcare.plan.outbox.EventType;
import org.backcare.platform.outbox.Outbox;
import org.jboss.logging.Logger;

import java.time.Clock;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;

/** Raises PlanReviewDue once for each active plan whose review date has passed (seeds: review every few weeks). */
@ApplicationScoped
public class ReviewDueScheduler {

    private static final Logger LOG = Logger.getLogger(ReviewDueScheduler.class);

    private final Outbox outbox;
    private final Clock clock;

    public ReviewDueScheduler(Outbox outbox, Clock clock) {
        this.outbox = outbox;
        this.clock = clock;
    }

    /** The data of PlanReviewDue. */
    public record ReviewDue(UUID planId, LocalDate reviewDate, long daysOverdue, String ownerSubject) {
    }

    @Scheduled(every = "${backcare.review.check-interval}", delayed = "10s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    void check() {
        int raised = raiseDueReviews();
        if (raised > 0) {
            LOG.infof("raised PlanReviewDue for %d plan(s)", raised);
        }
    }

    /** Returns how many plans became due since the last pass. */
    @Transactional
    public int raiseDueReviews() {
        LocalDate today = LocalDate.now(clock);
        List<Plan> due = Plan.list("status = ?1 and reviewDate < ?2 "
                + "and (reviewDueRaisedFor is null or reviewDueRaisedFor <> reviewDate)", PlanStatus.ACTIVE, today);
        for (Plan plan : due) {
            plan.reviewDueRaisedFor = plan.reviewDate;
            outbox.publish(EventType.PLAN_REVIEW_DUE, plan.patientId, new ReviewDue(plan.id, plan.reviewDate,
                    ChronoUnit.DAYS.between(plan.reviewDate, today), plan.ownerSubject));
        }
        return due.size();
    }
}
