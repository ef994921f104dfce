package org.backcare.patient.export;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import org.backcare.patient.audit.AuditAction;
import org.backcare.patient.fhir.FhirMapper.Type;
import org.backcare.patient.fhir.PatientRows;
import org.backcare.platform.audit.Audited;
import org.backcare.platform.export.ExportScope;
import org.backcare.platform.export.ExportSink;
import org.backcare.platform.export.ExportSource;
import org.hibernate.ScrollableResults;
import org.hibernate.Session;

import java.util.List;

/**
 * What patient-service puts into a Bulk Data export: every patient as Patient and CareTeam, and the patients under
 * urgent review as Flag, each type streamed from a forward-only cursor over the same rows a FHIR search reads.
 */
@ApplicationScoped
public class PatientExportSource implements ExportSource {

    private final EntityManager em;

    public PatientExportSource(EntityManager em) {
        this.em = em;
    }

    @Override
    public List<String> types() {
        return Type.names();
    }

    @Override
    public Audited auditAction() {
        return AuditAction.EXPORT;
    }

    @Override
    public void export(ExportScope scope, ExportSink sink) {
        Session session = em.unwrap(Session.class);
        for (Type type : Type.values()) {
            if (!scope.wants(type.fhirName())) {
                continue;
            }
            PatientRows rows = PatientRows.of(PatientRows.Criteria.all(type, scope.since()));
            long count = 0;
            try (ScrollableResults<Object[]> cursor = rows.scroll(session, scope.fetchSize())) {
                while (cursor.next()) {
                    sink.accept(type.map(rows.row(cursor.get())));
                    if (++count % scope.fetchSize() == 0) {
                        session.clear();
                    }
                }
            }
            session.clear();
        }
    }
}
