package org.backcare.tracking.questionnaire;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.backcare.platform.access.Caller;
import org.backcare.tracking.access.PatientAccess.Action;
import org.backcare.tracking.audit.AuditAction;
import org.backcare.platform.audit.AuditLog;
import org.backcare.platform.web.PageOf;
import org.backcare.platform.web.PageRequest;
import org.backcare.tracking.outbox.EventType;
import org.backcare.platform.outbox.Outbox;
import org.backcare.tracking.patient.Patients;
import org.backcare.platform.problem.ProblemException;
import org.backcare.tracking.rules.RuleEngine;
import org.backcare.tracking.timeline.TimelineEntry;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/** Oswestry Disability Index questionnaires: scored, stored with every answer, compared with the baseline. */
@ApplicationScoped
public class QuestionnaireService {

    private final Patients patients;
    private final RuleEngine rules;
    private final Outbox outbox;
    private final AuditLog audit;
    private final Clock clock;

    public QuestionnaireService(Patients patients, RuleEngine rules, Outbox outbox, AuditLog audit, Clock clock) {
        this.patients = patients;
        this.rules = rules;
        this.outbox = outbox;
        this.audit = audit;
        this.clock = clock;
    }

    /** The ten ODI section answers, 0-5, null for a skipped section. */
    @Schema(name = "OdiRequest")
    public record OdiRequest(
            @NotNull @Size(min = 10, max = 10) @Schema(required = true, description = "Sections 1-10: 0 (no disability) to 5; null when skipped",
                    example = "[2, 1, 3, 2, 2, 1, null, 2, 1, 2]") List<Integer> answers,
            @Schema(description = "Make this the new baseline (the first ODI always is)") Boolean baseline) {
    }

    /** A questionnaire as the API shows it, with the change against the baseline. */
    @Schema(name = "OdiResult")
    public record OdiView(UUID id, LocalDate day, List<Integer> answers, int answered, BigDecimal score, boolean baseline,
                          BigDecimal baselineScore, BigDecimal change, boolean clinicallyImportantChange) {
    }

    /** The data of QuestionnaireCompleted. */
    public record Completed(UUID questionnaireId, String kind, BigDecimal score, BigDecimal baselineScore,
                            BigDecimal change, boolean clinicallyImportantChange) {
    }

    @Transactional
    public OdiView recordOdi(Caller caller, UUID patientId, OdiRequest request) {
        patients.authorized(caller, patientId, Action.REPORT);
        if (Boolean.TRUE.equals(request.baseline()) && !caller.isClinician()) {
            throw ProblemException.forbidden("only a clinician on the care team may set a new ODI baseline");
        }
        OdiScore score;
        try {
            score = Odi.score(request.answers());
        } catch (IllegalArgumentException e) {
            throw ProblemException.badRequest("answers", e.getMessage());
        }
        Optional<Questionnaire> previousBaseline = Questionnaire.baselineOdi(patientId);
        Questionnaire q = new Questionnaire();
        q.id = UUID.randomUUID();
        q.patientId = patientId;
        q.kind = Questionnaire.ODI;
        q.version = Odi.VERSION;
        q.day = LocalDate.now(clock);
        q.answers = request.answers();
        q.answered = score.answered();
        q.score = score.percent();
        q.baseline = previousBaseline.isEmpty() || Boolean.TRUE.equals(request.baseline());
        q.recordedBy = caller.subject();
        q.recordedAt = Instant.now(clock);
        q.persist();
        OdiView view = view(q, q.baseline ? q : previousBaseline.orElse(q));
        TimelineEntry.add(patientId, q.recordedAt, "questionnaire", q.id,
                Map.of("kind", q.kind, "score", q.score, "baseline", q.baseline));
        outbox.publish(EventType.QUESTIONNAIRE_COMPLETED, patientId, new Completed(q.id, q.kind, q.score,
                view.baselineScore(), view.change(), view.clinicallyImportantChange()));
        rules.evaluate(patientId);
        audit.record(caller, AuditAction.QUESTIONNAIRE_RECORD, patientId, "odi " + q.score);
        return view;
    }

    @Transactional
    public PageOf<OdiView> listOdi(Caller caller, UUID patientId, PageRequest page) {
        patients.authorized(caller, patientId, Action.READ);
        Questionnaire baseline = Questionnaire.baselineOdi(patientId).orElse(null);
        var query = Questionnaire.<Questionnaire>find("patientId = ?1 and kind = ?2 order by day desc, recordedAt desc",
                patientId, Questionnaire.ODI);
        List<OdiView> items = query.page(page.page(), page.size()).list().stream()
                .map(q -> view(q, baseline == null ? q : baseline)).toList();
        audit.record(caller, AuditAction.QUESTIONNAIRE_READ, patientId, "odi");
        return PageOf.of(items, page, query.count());
    }

    private static OdiView view(Questionnaire q, Questionnaire baseline) {
        BigDecimal change = q.score.subtract(baseline.score);
        return new OdiView(q.id, q.day, q.answers, q.answered, q.score, q.baseline, baseline.score, change,
                Odi.clinicallyImportantChange(baseline.score, q.score));
    }
}
