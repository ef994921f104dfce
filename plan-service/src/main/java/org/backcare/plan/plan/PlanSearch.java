package org.backcare.plan.plan;

import jakarta.persistence.EntityManager;
import jakarta.persistence.criteria.CriteriaBuilder;
import jakarta.persistence.criteria.CriteriaQuery;
import jakarta.persistence.criteria.Predicate;
import jakarta.persistence.criteria.Root;
import jakarta.persistence.criteria.Subquery;
import org.backcare.platform.access.Caller;
import org.backcare.platform.access.Role;
import org.backcare.platform.web.PageOf;
import org.backcare.platform.web.PageRequest;
import org.backcare.platform.patients.CareTeamMember;
import org.backcare.platform.patients.PatientProjection;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/** Plans across patients (for worklists such as "reviews overdue"), limited to what the caller may see. */
final class PlanSearch {

    /** Optional filters; null means any. */
    record Filters(PlanStatus status, Boolean reviewOverdue) {
    }

    private PlanSearch() {
    }

    static PageOf<Plan> run(EntityManager em, Caller caller, Filters filters, PageRequest page, LocalDate today) {
        CriteriaBuilder cb = em.getCriteriaBuilder();
        CriteriaQuery<Plan> query = cb.createQuery(Plan.class);
        Root<Plan> plan = query.from(Plan.class);
        query.where(where(cb, query, plan, caller, filters, today)).orderBy(cb.asc(plan.get("reviewDate")), cb.asc(plan.get("id")));
        List<Plan> items = em.createQuery(query).setFirstResult(page.offset()).setMaxResults(page.size()).getResultList();

        CriteriaQuery<Long> count = cb.createQuery(Long.class);
        Root<Plan> counted = count.from(Plan.class);
        count.select(cb.count(counted)).where(where(cb, count, counted, caller, filters, today));
        return PageOf.of(items, page, em.createQuery(count).getSingleResult());
    }

    private static Predicate[] where(CriteriaBuilder cb, CriteriaQuery<?> query, Root<Plan> plan, Caller caller,
                                     Filters filters, LocalDate today) {
        List<Predicate> where = new ArrayList<>();
        if (!caller.isAdmin() && !caller.has(Role.INTEGRATOR)) {
            List<Predicate> visible = new ArrayList<>();
            if (caller.has(Role.PATIENT)) {
                Subquery<Integer> own = query.subquery(Integer.class);
                Root<PatientProjection> patient = own.from(PatientProjection.class);
                own.select(cb.literal(1)).where(cb.equal(patient.get("id"), plan.get("patientId")),
                        cb.equal(patient.get("oidcSubject"), caller.subject()));
                visible.add(cb.exists(own));
            }
            if (caller.isClinician()) {
                Subquery<Integer> team = query.subquery(Integer.class);
                Root<CareTeamMember> member = team.from(CareTeamMember.class);
                team.select(cb.literal(1)).where(cb.equal(member.get("patient").get("id"), plan.get("patientId")),
                        cb.equal(member.get("subject"), caller.subject()));
                visible.add(cb.exists(team));
            }
            where.add(visible.isEmpty() ? cb.disjunction() : cb.or(visible.toArray(Predicate[]::new)));
        }
        if (filters.status() != null) {
            where.add(cb.equal(plan.get("status"), filters.status()));
        }
        if (filters.reviewOverdue() != null) {
            Predicate overdue = cb.and(plan.get("status").in(PlanStatus.DRAFT, PlanStatus.ACTIVE, PlanStatus.ON_HOLD),
                    cb.lessThan(plan.get("reviewDate"), today));
            where.add(filters.reviewOverdue() ? overdue : cb.not(overdue));
        }
        return where.toArray(Predicate[]::new);
    }
}
