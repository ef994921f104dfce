package org.backcare.plan.plan;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import org.backcare.platform.access.Caller;
import org.backcare.plan.access.PlanAccess;
import org.backcare.plan.access.PlanAccess.Action;
import org.backcare.plan.audit.AuditAction;
import org.backcare.platform.audit.AuditLog;
import org.backcare.plan.common.Dates;
import org.backcare.platform.web.ETags;
import org.backcare.platform.web.PageOf;
import org.backcare.platform.web.PageRequest;
import org.backcare.plan.outbox.EventType;
import org.backcare.platform.outbox.Outbox;
import org.backcare.platform.patients.PatientProjection;
import org.backcare.platform.problem.ProblemException;
import org.backcare.plan.section.PlanSection;
import org.backcare.plan.section.SectionContent;
import org.backcare.plan.section.SectionKind;
import org.backcare.plan.section.SectionOwnership;
import org.backcare.plan.section.SectionView;
import org.backcare.plan.assessment.RiskStratum;
import org.backcare.plan.template.PlanTemplates;
import org.backcare.plan.template.PsychologicallyInformedCare;
import org.backcare.plan.template.StratifiedCare;
import org.backcare.plan.template.Template;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Creates plans, moves them through their lifecycle and keeps their revision history; authorizes and audits. */
@ApplicationScoped
public class PlanService {

    static final int DEFAULT_REVIEW_WEEKS = 4;

    private final Outbox outbox;
    private final AuditLog audit;
    private final ObjectMapper json;
    private final EntityManager em;
    private final Clock clock;

    public PlanService(Outbox outbox, AuditLog audit, ObjectMapper json, EntityManager em, Clock clock) {
        this.outbox = outbox;
        this.audit = audit;
        this.json = json;
        this.em = em;
        this.clock = clock;
    }

    /** The data of PlanRevised and PlanActivated: what changed, and the whole plan afterwards. */
    public record PlanChange(UUID planId, int revision, String changed, String summary, String changedBy, PlanView plan) {
    }

    /** The data of PlanStatusChanged. */
    public record StatusChanged(UUID planId, PlanStatus from, PlanStatus to, String reason, String changedBy) {
    }

    /** The patient, after checking the caller may do {@code action}; 404 for unknown or invisible patients. */
    @Transactional(Transactional.TxType.MANDATORY)
    public PatientProjection patient(Caller caller, UUID patientId, Action action) {
        PatientProjection p = PatientProjection.<PatientProjection>findByIdOptional(patientId)
                .orElseThrow(() -> ProblemException.notFound("patient " + patientId));
        try {
            PlanAccess.require(caller, p.accessFacts(), action);
        } catch (ProblemException refused) {
            audit.recordRefused(caller, action.name(), patientId, refused.status());
            throw refused;
        }
        return p;
    }

    /** The plan, locked for the rest of the transaction when it is going to change (revision numbers stay unique). */
    @Transactional(Transactional.TxType.MANDATORY)
    public Plan plan(Caller caller, UUID planId, Action action, boolean forChange) {
        Plan plan = forChange ? Plan.findById(planId, LockModeType.PESSIMISTIC_WRITE) : Plan.findById(planId);
        if (plan == null) {
            throw ProblemException.notFound("plan " + planId);
        }
        try {
            patient(caller, plan.patientId, action);
        } catch (ProblemException refused) {
            // Answer as for a plan that does not exist: neither the plan nor its patient is revealed.
            if (refused.status() == 404) {
                throw ProblemException.notFound("plan " + planId);
            }
            throw refused;
        }
        return plan;
    }

    @Transactional
    public PlanView create(Caller caller, UUID patientId, PlanRequests.NewPlan request) {
        PatientProjection patient = patient(caller, patientId, Action.EDIT);
        if (patient.isDischarged()) {
            throw ProblemException.conflict("the patient was discharged; plans can no longer be created");
        }
        Dates.requireRealistic("startDate", request.startDate());
        if (Plan.count("patientId = ?1 and status in ?2", patientId,
                List.of(PlanStatus.DRAFT, PlanStatus.ACTIVE, PlanStatus.ON_HOLD)) > 0) {
            throw ProblemException.conflict("the patient already has an open plan; complete or discontinue it first");
        }
        Template template = request.template() != null ? request.template()
                : patient.painType != null ? Template.fromCode(patient.painType) : Template.NONE;
        Instant now = Instant.now(clock);
        Plan plan = new Plan();
        plan.id = UUID.randomUUID();
        plan.patientId = patientId;
        plan.status = PlanStatus.DRAFT;
        plan.title = request.title().strip();
        plan.template = template.code();
        plan.ownerSubject = caller.subject();
        plan.startDate = request.startDate();
        plan.reviewIntervalWeeks = request.reviewIntervalWeeks() != null ? request.reviewIntervalWeeks() : DEFAULT_REVIEW_WEEKS;
        plan.reviewDate = (plan.startDate != null ? plan.startDate : LocalDate.now(clock)).plusWeeks(plan.reviewIntervalWeeks);
        plan.createdAt = now;
        plan.updatedAt = now;
        Map<SectionKind, SectionContent> sections = PlanTemplates.sections(template);
        RiskStratum stratum = RiskStratum.latest(patientId).orElse(null);
        if (stratum != null && stratum.high() && template != Template.NONE) {
            PsychologicallyInformedCare.Result stratified = PsychologicallyInformedCare.addTo(sections,
                    plan.startDate != null ? plan.startDate : LocalDate.now(clock));
            sections = stratified.sections();
            plan.stratifiedCare = write(new StratifiedCare(stratum.stratum(), stratum.day(), stratum.questionnaireId(),
                    stratified.added()));
        }
        plan.persist();
        for (Map.Entry<SectionKind, SectionContent> section : sections.entrySet()) {
            PlanSection s = new PlanSection();
            s.planId = plan.id;
            s.kind = section.getKey();
            s.content = write(section.getValue());
            s.updatedBy = caller.subject();
            s.updatedAt = now;
            s.persist();
        }
        em.flush();
        String summary = "created from template " + template.code()
                + (plan.stratifiedCare != null ? " with psychologically informed care (STarT Back high risk)" : "");
        PlanView view = recordRevision(plan, "plan", summary, caller);
        outbox.publish(EventType.PLAN_CREATED, patientId, new PlanChange(plan.id, plan.revision, "plan",
                summary, caller.subject(), view));
        audit.record(caller, AuditAction.PLAN_CREATE, patientId, plan.id.toString());
        return view;
    }

    @Transactional
    public PageOf<PlanView> listForPatient(Caller caller, UUID patientId, PageRequest page) {
        patient(caller, patientId, Action.READ);
        var query = Plan.<Plan>find("patientId = ?1 order by createdAt desc", patientId);
        List<PlanView> items = query.page(page.page(), page.size()).list().stream().map(this::view).toList();
        audit.record(caller, AuditAction.PLAN_LIST, patientId, null);
        return PageOf.of(items, page, query.count());
    }

    @Transactional
    public PageOf<PlanView> search(Caller caller, PlanStatus status, Boolean reviewOverdue, PageRequest page) {
        PageOf<Plan> found = PlanSearch.run(em, caller, new PlanSearch.Filters(status, reviewOverdue), page,
                LocalDate.now(clock));
        found.items().forEach(p -> audit.record(caller, AuditAction.PLAN_LIST, p.patientId, p.id.toString()));
        return found.map(this::view);
    }

    @Transactional
    public PlanView read(Caller caller, UUID planId) {
        Plan plan = plan(caller, planId, Action.READ, false);
        audit.record(caller, AuditAction.PLAN_READ, plan.patientId, planId.toString());
        return view(plan);
    }

    @Transactional
    public PlanView update(Caller caller, UUID planId, String ifMatch, PlanRequests.PlanUpdate request) {
        Plan plan = plan(caller, planId, Action.EDIT, true);
        ETags.requireMatch(ifMatch, plan.version);
        requireOpen(plan);
        Dates.requireRealistic("startDate", request.startDate());
        Dates.requireRealistic("reviewDate", request.reviewDate());
        if (request.startDate() != null && request.reviewDate().isBefore(request.startDate())) {
            throw ProblemException.badRequest("reviewDate", "must not be before the start date " + request.startDate());
        }
        plan.title = request.title().strip();
        plan.startDate = request.startDate();
        plan.reviewDate = request.reviewDate();
        plan.reviewIntervalWeeks = request.reviewIntervalWeeks();
        plan.updatedAt = Instant.now(clock);
        em.flush();
        PlanView view = recordRevision(plan, "plan", "plan details changed", caller);
        outbox.publish(EventType.PLAN_REVISED, plan.patientId, new PlanChange(plan.id, plan.revision, "plan",
                "plan details changed", caller.subject(), view));
        audit.record(caller, AuditAction.PLAN_UPDATE, plan.patientId, planId.toString());
        return view;
    }

    @Transactional
    public PlanView changeStatus(Caller caller, UUID planId, PlanRequests.StatusChange request) {
        Plan plan = plan(caller, planId, Action.CHANGE_STATUS, true);
        PlanStatus from = plan.status;
        PlanStatus to = request.status();
        if (!PlanLifecycle.canMove(from, to)) {
            throw ProblemException.conflict("a " + from.code() + " plan cannot become " + to.code()
                    + "; allowed next: " + PlanLifecycle.next(from).stream().map(PlanStatus::code).toList());
        }
        LocalDate today = LocalDate.now(clock);
        plan.status = to;
        if (to == PlanStatus.ACTIVE && from == PlanStatus.DRAFT) {
            if (plan.startDate == null) {
                plan.startDate = today;
            }
            plan.reviewDate = plan.startDate.plusWeeks(plan.reviewIntervalWeeks);
        }
        plan.updatedAt = Instant.now(clock);
        em.flush();
        String summary = "status " + from.code() + " -> " + to.code();
        PlanView view = recordRevision(plan, "plan", summary, caller);
        outbox.publish(EventType.PLAN_STATUS_CHANGED, plan.patientId,
                new StatusChanged(plan.id, from, to, request.reason(), caller.subject()));
        if (to == PlanStatus.ACTIVE) {
            outbox.publish(EventType.PLAN_ACTIVATED, plan.patientId,
                    new PlanChange(plan.id, plan.revision, "plan", summary, caller.subject(), view));
        }
        audit.record(caller, AuditAction.PLAN_STATUS, plan.patientId, summary);
        return view;
    }

    @Transactional
    public PageOf<PlanRevision> revisions(Caller caller, UUID planId, PageRequest page) {
        Plan plan = plan(caller, planId, Action.READ, false);
        var query = PlanRevision.<PlanRevision>find("planId = ?1 order by revision desc", planId);
        List<PlanRevision> items = query.page(page.page(), page.size()).list();
        audit.record(caller, AuditAction.REVISION_READ, plan.patientId, planId.toString());
        return PageOf.of(items, page, query.count());
    }

    @Transactional
    public PlanRevision revision(Caller caller, UUID planId, int revision) {
        Plan plan = plan(caller, planId, Action.READ, false);
        PlanRevision found = PlanRevision.findById(new PlanRevision.Key(planId, revision));
        if (found == null) {
            throw ProblemException.notFound("revision " + revision + " of plan " + planId);
        }
        audit.record(caller, AuditAction.REVISION_READ, plan.patientId, planId + " r" + revision);
        return found;
    }

    /** Counts the change and keeps a snapshot of the whole plan as it now is. */
    @Transactional(Transactional.TxType.MANDATORY)
    public PlanView recordRevision(Plan plan, String changed, String summary, Caller caller) {
        plan.revision++;
        plan.updatedAt = Instant.now(clock);
        PlanView view = view(plan);
        PlanRevision r = new PlanRevision();
        r.planId = plan.id;
        r.revision = plan.revision;
        r.changed = changed;
        r.summary = summary.length() > 500 ? summary.substring(0, 500) : summary;
        r.changedBy = caller.subject();
        r.changedAt = plan.updatedAt;
        r.snapshot = write(view);
        r.persist();
        return view;
    }

    public static void requireOpen(Plan plan) {
        if (!PlanLifecycle.isOpen(plan.status)) {
            throw ProblemException.conflict("the plan is " + plan.status.code() + "; it can no longer change");
        }
    }

    public PlanView view(Plan plan) {
        Map<String, SectionView> sections = new LinkedHashMap<>();
        List<PlanSection> stored = PlanSection.list("planId", plan.id);
        for (SectionKind kind : SectionKind.values()) {
            stored.stream().filter(s -> s.kind == kind).findFirst()
                    .ifPresent(s -> sections.put(kind.code(), sectionView(s)));
        }
        return new PlanView(plan.id, plan.patientId, plan.version, plan.status, PlanLifecycle.next(plan.status),
                plan.title, plan.template, plan.ownerSubject, plan.startDate, plan.reviewDate, plan.reviewIntervalWeeks,
                plan.reviewOverdue(LocalDate.now(clock)), plan.revision, plan.createdAt, plan.updatedAt,
                RiskStratum.latest(plan.patientId).orElse(null), read(plan.stratifiedCare, StratifiedCare.class), sections);
    }

    public SectionView sectionView(PlanSection s) {
        try {
            return new SectionView(s.kind, s.version, SectionOwnership.owner(s.kind), s.updatedBy, s.updatedAt,
                    json.readTree(s.content));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored section " + s.kind + " of plan " + s.planId + " is not JSON", e);
        }
    }

    private <T> T read(String stored, Class<T> type) {
        if (stored == null) {
            return null;
        }
        try {
            return json.readValue(stored, type);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored " + type.getSimpleName() + " is not readable", e);
        }
    }

    public String write(Object value) {
        try {
            return json.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("could not serialize " + value.getClass().getSimpleName(), e);
        }
    }
}
