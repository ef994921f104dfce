package org.backcare.patient.fhir;

import jakarta.persistence.EntityManager;
import jakarta.persistence.TypedQuery;
import org.backcare.platform.access.Caller;
import org.backcare.platform.access.Role;
import org.backcare.patient.fhir.FhirMapper.Row;
import org.backcare.patient.fhir.FhirMapper.Type;
import org.backcare.patient.record.Patient;
import org.hibernate.ScrollMode;
import org.hibernate.ScrollableResults;
import org.hibernate.Session;
import org.hibernate.query.SelectionQuery;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The patient rows behind one FHIR resource type, filtered: what a search pages through and what an export streams.
 * The HQL is built from fixed fragments only; every value is a bound parameter.
 */
public final class PatientRows {

    /** When the urgent review began: the last positive screening (the record's update time if there is none). */
    static final String FLAG_START = "coalesce((select max(s.screenedAt) from RedFlagScreening s "
            + "where s.patientId = p.id and s.positive = true), p.updatedAt)";

    /**
     * What to select.
     *
     * @param caller      whose visibility applies; {@code null} for all rows (the export, for an integrator)
     * @param patientId   only this patient, or {@code null}
     * @param date        the resource's own date: the care team's start (registration), the flag's start
     * @param lastUpdated the record's update time ({@code _lastUpdated}, {@code _since})
     */
    public record Criteria(Type type, Caller caller, UUID patientId, InstantRange date, InstantRange lastUpdated) {

        public static Criteria all(Type type, Instant since) {
            return new Criteria(type, null, null, InstantRange.ALL,
                    since == null ? InstantRange.ALL : new InstantRange(since, null));
        }
    }

    private final String where;
    private final Map<String, Object> parameters;
    private final Type type;

    private PatientRows(Type type, String where, Map<String, Object> parameters) {
        this.type = type;
        this.where = where;
        this.parameters = parameters;
    }

    public static PatientRows of(Criteria criteria) {
        List<String> where = new ArrayList<>();
        Map<String, Object> parameters = new HashMap<>();
        if (criteria.caller() != null) {
            where.add(visibility(criteria.caller(), parameters));
        }
        if (criteria.type() == Type.FLAG) {
            where.add("p.urgentReview = true");
        }
        if (criteria.patientId() != null) {
            where.add("p.id = :patientId");
            parameters.put("patientId", criteria.patientId());
        }
        String dateExpression = switch (criteria.type()) {
            case PATIENT -> null;
            case CARE_TEAM -> "p.createdAt";
            case FLAG -> FLAG_START;
        };
        if (dateExpression != null) {
            range(dateExpression, "date", criteria.date(), where, parameters);
        }
        range("p.updatedAt", "lastUpdated", criteria.lastUpdated(), where, parameters);
        return new PatientRows(criteria.type(), where.isEmpty() ? "" : " where " + String.join(" and ", where),
                parameters);
    }

    private static String visibility(Caller caller, Map<String, Object> parameters) {
        if (caller.isAdmin() || caller.has(Role.INTEGRATOR)) {
            return "1 = 1";
        }
        List<String> visible = new ArrayList<>();
        if (caller.has(Role.PATIENT)) {
            visible.add("p.oidcSubject = :me");
        }
        if (caller.isClinician()) {
            visible.add("exists (select 1 from CareTeamMember m where m.patient = p and m.subject = :me)");
        }
        if (visible.isEmpty()) {
            return "1 = 0";
        }
        parameters.put("me", caller.subject());
        return "(" + String.join(" or ", visible) + ")";
    }

    private static void range(String expression, String name, InstantRange range, List<String> where,
                              Map<String, Object> parameters) {
        if (range == null) {
            return;
        }
        if (range.from() != null) {
            where.add(expression + " >= :" + name + "From");
            parameters.put(name + "From", range.from());
        }
        if (range.to() != null) {
            where.add(expression + " < :" + name + "To");
            parameters.put(name + "To", range.to());
        }
    }

    private String select() {
        return "select p, " + (type == Type.FLAG ? FLAG_START : "p.updatedAt") + " from Patient p" + where;
    }

    public long count(EntityManager em) {
        TypedQuery<Long> query = em.createQuery("select count(p) from Patient p" + where, Long.class);
        parameters.forEach(query::setParameter);
        return query.getSingleResult();
    }

    /** One page, in a stable order (by id). */
    public List<Row> page(EntityManager em, int offset, int count) {
        TypedQuery<Object[]> query = em.createQuery(select() + " order by p.id", Object[].class);
        parameters.forEach(query::setParameter);
        return query.setFirstResult(offset).setMaxResults(count).getResultList().stream().map(this::row).toList();
    }

    /**
     * A forward-only database cursor over every row: PostgreSQL sends {@code fetchSize} rows at a time (the caller's
     * transaction keeps autocommit off, which the driver needs for a cursor). Close it; clear the session as you go.
     */
    public ScrollableResults<Object[]> scroll(Session session, int fetchSize) {
        SelectionQuery<Object[]> query = session.createSelectionQuery(select(), Object[].class);
        parameters.forEach(query::setParameter);
        return query.setFetchSize(fetchSize).setReadOnly(true).scroll(ScrollMode.FORWARD_ONLY);
    }

    public Row row(Object[] columns) {
        Patient p = (Patient) columns[0];
        return new Row(p, type == Type.FLAG ? (Instant) columns[1] : null);
    }
}
