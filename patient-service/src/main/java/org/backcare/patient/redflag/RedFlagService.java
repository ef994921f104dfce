package org.backcare.patient.redflag;

import io.micrometer.core.instrument.MeterRegistry;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import org.backcare.platform.access.Caller;
import org.backcare.patient.access.PatientAccess.Action;
import org.backcare.patient.audit.AuditAction;
import org.backcare.platform.audit.AuditLog;
import org.backcare.platform.web.PageOf;
import org.backcare.platform.web.PageRequest;
import org.backcare.patient.outbox.EventType;
import org.backcare.platform.outbox.Outbox;
import org.backcare.platform.problem.ProblemException;
import org.backcare.patient.record.Patient;
import org.backcare.patient.record.PatientService;
import org.backcare.patient.record.PatientView;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** Records red-flag screenings; a positive one puts the patient under urgent review and raises RedFlagRaised. */
@ApplicationScoped
public class RedFlagService {

    private final PatientService patients;
    private final Outbox outbox;
    private final AuditLog audit;
    private final EntityManager em;
    private final Clock clock;
    private final MeterRegistry metrics;

    public RedFlagService(PatientService patients, Outbox outbox, AuditLog audit, EntityManager em, Clock clock,
                          MeterRegistry metrics) {
        this.patients = patients;
        this.outbox = outbox;
        this.audit = audit;
        this.em = em;
        this.clock = clock;
        this.metrics = metrics;
    }

    /** The data of RedFlagRaised: what was found, by whom, and that it is urgent. */
    public record RedFlagRaised(UUID screeningId, List<Finding> findings, String screenedBy, Instant screenedAt,
                                String priority) {
    }

    /** One positive item, with its plain-language description for messages. */
    public record Finding(RedFlag redFlag, String description) {
    }

    /** The data of UrgentReviewResolved. */
    public record UrgentReviewResolved(String resolvedBy, Instant resolvedAt, String note) {
    }

    @Transactional
    public ScreeningView record(Caller caller, UUID patientId, ScreeningRequest request) {
        Patient p = patients.authorized(caller, patientId, Action.SCREEN_RED_FLAGS);
        if (p.isDischarged()) {
            throw ProblemException.conflict("the patient was discharged; screen them after re-registering the episode");
        }
        RedFlagScreen.Result result = RedFlagScreen.evaluate(request.answers());
        Instant now = Instant.now(clock);
        RedFlagScreening s = new RedFlagScreening();
        s.id = UUID.randomUUID();
        s.patientId = patientId;
        s.screenedAt = now;
        s.screenedBy = caller.subject();
        s.positive = result.positive();
        s.notes = request.notes();
        s.answers.putAll(request.answers());
        s.persist();
        if (result.positive()) {
            p.urgentReview = true;
            p.touch(now);
            em.flush();
            outbox.publish(EventType.RED_FLAG_RAISED, patientId, new RedFlagRaised(s.id,
                    result.findings().stream().map(f -> new Finding(f, f.description())).toList(),
                    caller.subject(), now, "urgent"));
            metrics.counter("backcare.red_flags.raised").increment();
        }
        audit.record(caller, AuditAction.SCREENING_RECORD, patientId, result.positive() ? "positive" : "negative");
        return ScreeningView.of(s);
    }

    @Transactional
    public PageOf<ScreeningView> history(Caller caller, UUID patientId, PageRequest page) {
        patients.authorized(caller, patientId, Action.READ);
        var query = RedFlagScreening.<RedFlagScreening>find("patientId = ?1 order by screenedAt desc, id", patientId);
        List<RedFlagScreening> items = query.page(page.page(), page.size()).list();
        audit.record(caller, AuditAction.SCREENING_READ, patientId, null);
        return PageOf.of(items, page, query.count()).map(ScreeningView::of);
    }

    @Transactional
    public PatientView resolveUrgentReview(Caller caller, UUID patientId, String note) {
        Patient p = patients.authorized(caller, patientId, Action.RESOLVE_URGENT_REVIEW);
        if (!p.urgentReview) {
            throw ProblemException.conflict("the patient is not under urgent review");
        }
        Instant now = Instant.now(clock);
        p.urgentReview = false;
        p.touch(now);
        em.flush();
        outbox.publish(EventType.URGENT_REVIEW_RESOLVED, patientId, new UrgentReviewResolved(caller.subject(), now, note));
        audit.record(caller, AuditAction.URGENT_REVIEW_RESOLVE, patientId, null);
        return patients.view(p);
    }
}
