package org.backcare.patient.record;

import jakarta.persistence.EntityManager;
import jakarta.persistence.criteria.CriteriaBuilder;
import jakarta.persistence.criteria.CriteriaQuery;
import jakarta.persistence.criteria.Expression;
import jakarta.persistence.criteria.Predicate;
import jakarta.persistence.criteria.Root;
import jakarta.persistence.criteria.Subquery;
import org.backcare.platform.access.Caller;
import org.backcare.platform.access.Role;
import org.backcare.patient.careteam.CareTeamMember;
import org.backcare.platform.web.PageOf;
import org.backcare.platform.web.PageRequest;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** The patient list: the caller's visibility and the client's filters, as one Criteria query. */
final class PatientSearch {

    /** Optional filters; {@code null} means "any". */
    record Filters(String name, String careTeamMember, PatientStatus status, Boolean urgentReview) {
    }

    private PatientSearch() {
    }

    static PageOf<Patient> run(EntityManager em, Caller caller, Filters filters, PageRequest page) {
        CriteriaBuilder cb = em.getCriteriaBuilder();

        CriteriaQuery<Patient> query = cb.createQuery(Patient.class);
        Root<Patient> patient = query.from(Patient.class);
        query.where(where(cb, query, patient, caller, filters))
                .orderBy(cb.asc(cb.lower(patient.get("familyName"))), cb.asc(cb.lower(patient.get("givenName"))),
                        cb.asc(patient.get("id")));
        List<Patient> items = em.createQuery(query).setFirstResult(page.offset()).setMaxResults(page.size())
                .getResultList();

        CriteriaQuery<Long> count = cb.createQuery(Long.class);
        Root<Patient> counted = count.from(Patient.class);
        count.select(cb.count(counted)).where(where(cb, count, counted, caller, filters));
        return PageOf.of(items, page, em.createQuery(count).getSingleResult());
    }

    private static Predicate[] where(CriteriaBuilder cb, CriteriaQuery<?> query, Root<Patient> patient, Caller caller,
                                     Filters filters) {
        List<Predicate> where = new ArrayList<>();
        visibility(cb, query, patient, caller).ifPresent(where::add);
        if (filters.name() != null && !filters.name().isBlank()) {
            String pattern = "%" + escapeLike(filters.name().strip().toLowerCase(Locale.ROOT)) + "%";
            Expression<String> fullName = cb.lower(cb.concat(cb.concat(patient.get("givenName"), " "),
                    patient.get("familyName")));
            where.add(cb.like(fullName, pattern, '\\'));
        }
        if (filters.careTeamMember() != null && !filters.careTeamMember().isBlank()) {
            where.add(cb.exists(memberSubquery(cb, query, patient, filters.careTeamMember())));
        }
        if (filters.status() != null) {
            where.add(cb.equal(patient.get("status"), filters.status()));
        }
        if (filters.urgentReview() != null) {
            where.add(cb.equal(patient.get("urgentReview"), filters.urgentReview()));
        }
        return where.toArray(Predicate[]::new);
    }

    /** Admins and integrators see everyone; a patient their own record; a clinician their care teams' patients. */
    private static Optional<Predicate> visibility(CriteriaBuilder cb, CriteriaQuery<?> query,
                                                            Root<Patient> patient, Caller caller) {
        if (caller.isAdmin() || caller.has(Role.INTEGRATOR)) {
            return Optional.empty();
        }
        List<Predicate> visible = new ArrayList<>();
        if (caller.has(Role.PATIENT)) {
            visible.add(cb.equal(patient.get("oidcSubject"), caller.subject()));
        }
        if (caller.isClinician()) {
            visible.add(cb.exists(memberSubquery(cb, query, patient, caller.subject())));
        }
        return Optional.of(visible.isEmpty() ? cb.disjunction() : cb.or(visible.toArray(Predicate[]::new)));
    }

    private static Subquery<Integer> memberSubquery(CriteriaBuilder cb, CriteriaQuery<?> query, Root<Patient> patient,
                                                    String subject) {
        Subquery<Integer> members = query.subquery(Integer.class);
        Root<CareTeamMember> member = members.from(CareTeamMember.class);
        members.select(cb.literal(1)).where(cb.equal(member.get("patient"), patient),
                cb.equal(member.get("subject"), subject));
        return members;
    }

    /** The name filter is a substring match: the user's % and _ are literal characters, not wildcards. */
    static String escapeLike(String text) {
        return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }
}
