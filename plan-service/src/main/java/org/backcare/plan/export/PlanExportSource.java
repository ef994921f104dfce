package org.backcare.plan.export;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import org.backcare.plan.audit.AuditAction;
import org.backcare.plan.fhir.FhirStore;
import org.backcare.plan.fhir.PlanFhirMapper;
import org.backcare.plan.fhir.PlanParts;
import org.backcare.plan.plan.Plan;
import org.backcare.plan.plan.PlanStatus;
import org.backcare.platform.audit.Audited;
import org.backcare.platform.export.ExportScope;
import org.backcare.platform.export.ExportSink;
import org.backcare.platform.export.ExportSource;
import org.hibernate.Session;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * What plan-service puts into a Bulk Data export: every plan as CarePlan, Goal and MedicationRequest resources. Each
 * plan is read with its sections in one row, from a forward-only cursor on the export's own transaction, so an export
 * never holds more than one fetch of rows in memory.
 */
@ApplicationScoped
public class PlanExportSource implements ExportSource {

    /** Each plan with its goals, exercises, medications and self-management sections, oldest change first. */
    private static final String ROWS = """
            select p.id, p.patient_id, p.status, p.title, p.template, p.start_date, p.review_date, p.revision,
                   p.created_at, p.updated_at,
                   g.content::text, e.content::text, m.content::text, s.content::text
            from plan p
            left join plan_section g on g.plan_id = p.id and g.kind = 'GOALS'
            left join plan_section e on e.plan_id = p.id and e.kind = 'EXERCISES'
            left join plan_section m on m.plan_id = p.id and m.kind = 'MEDICATIONS'
            left join plan_section s on s.plan_id = p.id and s.kind = 'SELF_MANAGEMENT'
            where (cast(? as timestamptz) is null or p.updated_at > ?)
            order by p.updated_at, p.id""";

    private final EntityManager em;
    private final FhirStore store;

    public PlanExportSource(EntityManager em, FhirStore store) {
        this.em = em;
        this.store = store;
    }

    @Override
    public List<String> types() {
        return FhirStore.TYPES;
    }

    @Override
    public Audited auditAction() {
        return AuditAction.FHIR_EXPORT;
    }

    @Override
    public void export(ExportScope scope, ExportSink sink) {
        em.unwrap(Session.class).doWork(connection -> stream(connection, scope, sink));
    }

    private void stream(Connection connection, ExportScope scope, ExportSink sink) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(ROWS, ResultSet.TYPE_FORWARD_ONLY,
                ResultSet.CONCUR_READ_ONLY)) {
            statement.setFetchSize(scope.fetchSize());
            Timestamp since = scope.since() == null ? null : Timestamp.from(scope.since());
            statement.setTimestamp(1, since);
            statement.setTimestamp(2, since);
            try (ResultSet rs = statement.executeQuery()) {
                while (rs.next()) {
                    PlanFhirMapper.all(parts(rs)).forEach(sink::accept);
                }
            }
        }
    }

    private PlanParts parts(ResultSet rs) throws SQLException {
        Plan plan = new Plan();
        plan.id = rs.getObject(1, UUID.class);
        plan.patientId = rs.getObject(2, UUID.class);
        plan.status = PlanStatus.valueOf(rs.getString(3));
        plan.title = rs.getString(4);
        plan.template = rs.getString(5);
        plan.startDate = rs.getObject(6, LocalDate.class);
        plan.reviewDate = rs.getObject(7, LocalDate.class);
        plan.revision = rs.getInt(8);
        plan.createdAt = rs.getTimestamp(9).toInstant();
        plan.updatedAt = rs.getTimestamp(10).toInstant();
        return store.parts(plan, rs.getString(11), rs.getString(12), rs.getString(13), rs.getString(14));
    }
}
