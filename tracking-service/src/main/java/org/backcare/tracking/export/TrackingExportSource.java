package org.backcare.tracking.export;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import org.backcare.platform.audit.Audited;
import org.backcare.platform.export.ExportScope;
import org.backcare.platform.export.ExportSink;
import org.backcare.platform.export.ExportSource;
import org.backcare.tracking.audit.AuditAction;
import org.backcare.tracking.checkin.CheckIn;
import org.backcare.tracking.fhir.CheckInObservations;
import org.backcare.tracking.fhir.MedicationStatements;
import org.backcare.tracking.fhir.InstrumentResources;
import org.backcare.tracking.fhir.QuestionnaireResources;
import org.backcare.tracking.medication.MedicationIntake;
import org.backcare.tracking.questionnaire.Instruments;
import org.backcare.tracking.questionnaire.Questionnaire;
import org.hibernate.CacheMode;
import org.hibernate.ScrollMode;
import org.hibernate.ScrollableResults;
import org.hibernate.Session;

import java.time.Instant;
import java.util.List;
import java.util.function.Consumer;

/**
 * What tracking-service puts into a Bulk Data export: check-ins, ODI and instrument scores as Observation, their
 * answers as QuestionnaireResponse, the intake log as MedicationStatement, STarT Back strata as RiskAssessment (scores
 * and answers only: no free text). Each is read from a forward-only cursor, read-only, with the persistence context
 * cleared every fetch-size rows, so memory does not grow with the export.
 */
@ApplicationScoped
public class TrackingExportSource implements ExportSource {

    static final List<String> TYPES = List.of("Observation", "QuestionnaireResponse", "MedicationStatement",
            "RiskAssessment");

    private static final String CHECK_INS = "from CheckIn e where e.updatedAt > :since and e.updatedAt <= :until";
    private static final String QUESTIONNAIRES = "from Questionnaire e where e.recordedAt > :since "
            + "and e.recordedAt <= :until";
    private static final String START_BACK = "from Questionnaire e where e.kind = '" + Instruments.START_BACK
            + "' and e.recordedAt > :since and e.recordedAt <= :until";
    private static final String INTAKES = "from MedicationIntake e where e.recordedAt > :since and e.recordedAt <= :until";

    private final EntityManager em;

    public TrackingExportSource(EntityManager em) {
        this.em = em;
    }

    @Override
    public List<String> types() {
        return TYPES;
    }

    @Override
    public Audited auditAction() {
        return AuditAction.FHIR_EXPORT;
    }

    @Override
    public void export(ExportScope scope, ExportSink sink) {
        Session session = em.unwrap(Session.class);
        session.setDefaultReadOnly(true);
        if (scope.wants("Observation")) {
            stream(session, scope, CHECK_INS, CheckIn.class, c -> CheckInObservations.of(c).forEach(sink::accept));
            stream(session, scope, QUESTIONNAIRES, Questionnaire.class,
                    q -> sink.accept(QuestionnaireResources.score(q)));
        }
        if (scope.wants("QuestionnaireResponse")) {
            stream(session, scope, QUESTIONNAIRES, Questionnaire.class,
                    q -> sink.accept(QuestionnaireResources.response(q)));
        }
        if (scope.wants("MedicationStatement")) {
            stream(session, scope, INTAKES, MedicationIntake.class, m -> sink.accept(MedicationStatements.of(m)));
        }
        if (scope.wants("RiskAssessment")) {
            stream(session, scope, START_BACK, Questionnaire.class,
                    q -> sink.accept(InstrumentResources.riskAssessment(q)));
        }
    }

    private static <T> void stream(Session session, ExportScope scope, String hql, Class<T> entity, Consumer<T> each) {
        long rows = 0;
        try (ScrollableResults<T> results = session.createSelectionQuery(hql, entity)
                // No _since: everything (every record here is younger than the epoch).
                .setParameter("since", scope.since() == null ? Instant.EPOCH : scope.since())
                .setParameter("until", scope.until())
                .setReadOnly(true)
                .setFetchSize(scope.fetchSize())
                .setCacheMode(CacheMode.IGNORE)
                .scroll(ScrollMode.FORWARD_ONLY)) {
            while (results.next()) {
                each.accept(results.get());
                if (++rows % scope.fetchSize() == 0) {
                    session.clear();
                }
            }
        }
        session.clear();
    }
}
