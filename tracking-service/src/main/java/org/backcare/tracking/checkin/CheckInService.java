package org.backcare.tracking.checkin;

import io.micrometer.core.instrument.MeterRegistry;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import org.backcare.platform.access.Caller;
import org.backcare.tracking.access.PatientAccess.Action;
import org.backcare.tracking.audit.AuditAction;
import org.backcare.platform.audit.AuditLog;
import org.backcare.platform.web.Coded;
import org.backcare.platform.web.ETags;
import org.backcare.platform.web.PageOf;
import org.backcare.platform.web.PageRequest;
import org.backcare.tracking.outbox.EventType;
import org.backcare.platform.outbox.Outbox;
import org.backcare.tracking.patient.Patients;
import org.backcare.platform.problem.ProblemException;
import org.backcare.platform.problem.ProblemType;
import org.backcare.tracking.rules.RuleEngine;
import org.backcare.tracking.timeline.TimelineEntry;
import org.backcare.tracking.trend.Rollups;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * Records daily check-ins: at most one per patient and day (a second one updates it with If-Match), never in the
 * future, backdated at most a few days. Each write updates the timeline and the day's rollup and runs the rules,
 * all in one transaction with the outbox.
 */
@ApplicationScoped
public class CheckInService {

    /** The lower bound of an open date range: before anyone could have checked in. */
    private static final LocalDate EARLIEST = LocalDate.of(2000, 1, 1);

    private final Patients patients;
    private final Rollups rollups;
    private final RuleEngine rules;
    private final Outbox outbox;
    private final AuditLog audit;
    private final EntityManager em;
    private final Clock clock;
    private final MeterRegistry metrics;
    private final int maxBackdateDays;

    public CheckInService(Patients patients, Rollups rollups, RuleEngine rules, Outbox outbox, AuditLog audit,
                          EntityManager em, Clock clock, MeterRegistry metrics,
                          @ConfigProperty(name = "backcare.checkin.max-backdate-days") int maxBackdateDays) {
        this.patients = patients;
        this.rollups = rollups;
        this.rules = rules;
        this.outbox = outbox;
        this.audit = audit;
        this.em = em;
        this.clock = clock;
        this.metrics = metrics;
        this.maxBackdateDays = maxBackdateDays;
    }

    /** The data of CheckInRecorded. */
    public record CheckInRecorded(UUID checkInId, LocalDate day, int pain, boolean legSymptoms, List<String> redFlags,
                                  boolean update) {
    }

    /** The outcome of a PUT: the check-in and whether it was created (201) or updated (200). */
    public record Saved(CheckInView checkIn, boolean created) {
    }

    @Transactional
    public Saved record(Caller caller, UUID patientId, LocalDate day, String ifMatch, CheckInRequest r) {
        patients.authorized(caller, patientId, Action.REPORT);
        LocalDate today = LocalDate.now(clock);
        if (day.isAfter(today)) {
            throw ProblemException.badRequest("day", "a check-in cannot be for a day in the future (" + day + ")");
        }
        if (day.isBefore(today.minusDays(maxBackdateDays))) {
            throw ProblemException.badRequest("day", "check-ins can be backdated at most " + maxBackdateDays + " days");
        }
        CheckIn c = CheckIn.<CheckIn>find("patientId = ?1 and day = ?2", patientId, day).firstResult();
        boolean created = c == null;
        Instant now = Instant.now(clock);
        if (created) {
            if (ifMatch != null && !ifMatch.isBlank() && !ifMatch.strip().equals("*")) {
                throw new ProblemException(ProblemType.PRECONDITION_FAILED, "there is no check-in for " + day + " yet");
            }
            c = new CheckIn();
            c.id = UUID.randomUUID();
            c.patientId = patientId;
            c.day = day;
            c.recordedAt = now;
        } else {
            ETags.requireMatch(ifMatch, c.version);
        }
        c.pain = r.pain();
        c.locations = codes(r.locations());
        c.painCharacter = codes(r.painCharacter());
        c.legSymptoms = Boolean.TRUE.equals(r.legSymptoms());
        c.functionScore = r.functionScore();
        c.sleepHours = r.sleepHours();
        c.sleepQuality = r.sleepQuality();
        c.mood = r.mood();
        c.stress = r.stress();
        c.triggers = codes(r.triggers());
        c.relievers = codes(r.relievers());
        c.note = r.note();
        c.redFlags = codes(r.redFlags());
        c.recordedBy = caller.subject();
        c.updatedAt = now;
        if (created) {
            c.persist();
        }
        em.flush();
        rollups.checkIn(patientId, day, c.pain, c.sleepHours, c.sleepQuality);
        TimelineEntry.addOrReplace(patientId, day.equals(today) ? now : day.atStartOfDay(clock.getZone()).toInstant().plusSeconds(43200),
                "check-in", c.id, Map.of("pain", c.pain, "day", day.toString(), "redFlags", c.redFlags));
        outbox.publish(EventType.CHECK_IN_RECORDED, patientId,
                new CheckInRecorded(c.id, day, c.pain, c.legSymptoms, c.redFlags, !created));
        rules.evaluate(patientId, Set.copyOf(c.redFlags));
        audit.record(caller, AuditAction.CHECK_IN_RECORD, patientId, day.toString());
        metrics.counter("backcare.checkins.recorded").increment();
        return new Saved(CheckInView.of(c), created);
    }

    @Transactional
    public CheckInView read(Caller caller, UUID patientId, LocalDate day) {
        patients.authorized(caller, patientId, Action.READ);
        CheckIn c = CheckIn.<CheckIn>find("patientId = ?1 and day = ?2", patientId, day).firstResult();
        if (c == null) {
            throw ProblemException.notFound("a check-in for " + day);
        }
        audit.record(caller, AuditAction.CHECK_IN_READ, patientId, day.toString());
        return CheckInView.of(c);
    }

    @Transactional
    public PageOf<CheckInView> list(Caller caller, UUID patientId, LocalDate from, LocalDate to, PageRequest page) {
        patients.authorized(caller, patientId, Action.READ);
        if (from != null && to != null && to.isBefore(from)) {
            throw ProblemException.badRequest("to", "must not be before from (" + from + ")");
        }
        LocalDate end = to != null ? to : LocalDate.now(clock);
        LocalDate start = from != null ? from : EARLIEST;
        var query = CheckIn.<CheckIn>find("patientId = ?1 and day between ?2 and ?3 order by day desc", patientId, start, end);
        List<CheckInView> items = query.page(page.page(), page.size()).list().stream().map(CheckInView::of).toList();
        audit.record(caller, AuditAction.CHECK_IN_READ, patientId, start + ".." + end);
        return PageOf.of(items, page, query.count());
    }

    private static List<String> codes(Collection<? extends Coded> values) {
        return values == null ? List.of() : values.stream().map(Coded::code).sorted().toList();
    }
}
