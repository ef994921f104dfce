package org.backcare.plan.fhir;

import org.backcare.platform.access.CareTeamAccess;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;
import org.backcare.platform.access.Caller;
import org.backcare.plan.access.PlanAccess;
import org.backcare.platform.access.Role;
import org.backcare.platform.patients.PatientProjection;
import org.backcare.plan.plan.Plan;
import org.backcare.plan.section.ExerciseProgram;
import org.backcare.plan.section.Goals;
import org.backcare.plan.section.Medications;
import org.backcare.plan.section.PlanSection;
import org.backcare.plan.section.SectionKind;
import org.backcare.plan.section.SelfManagement;
import org.hl7.fhir.r4.model.Resource;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/** Reads plans with their sections for the FHIR API, and runs FHIR searches in SQL (paging and total included). */
@ApplicationScoped
public class FhirStore {

    /** The resource types this service produces. */
    public static final List<String> TYPES = List.of("CarePlan", "Goal", "MedicationRequest");

    /** One search: the type, its filters and the page. */
    public record Search(String type, UUID patient, List<DateParam> date, List<DateParam> lastUpdated, int count,
                         int offset) {
    }

    public record Page(List<Resource> resources, long total) {
    }

    private final EntityManager em;
    private final ObjectMapper json;

    public FhirStore(EntityManager em, ObjectMapper json) {
        this.em = em;
        this.json = json;
    }

    /** True when the caller may see this patient's plans (the same rule as the JSON API). */
    public boolean visible(Caller caller, UUID patientId) {
        PatientProjection patient = PatientProjection.findById(patientId);
        return patient != null && CareTeamAccess.canSee(caller, patient.accessFacts());
    }

    public Optional<PlanParts> plan(UUID planId) {
        return Optional.ofNullable(parts(List.of(planId)).get(planId));
    }

    /** The plan holding this prescription (a GIN index on the medication sections answers it). */
    public Optional<UUID> planOfPrescription(UUID prescriptionId) {
        @SuppressWarnings("unchecked")
        List<Object> ids = em.createNativeQuery("select s.plan_id from plan_section s where s.kind = 'MEDICATIONS' "
                        + "and s.content @> cast(:probe as jsonb)")
                .setParameter("probe", "{\"medications\": [{\"id\": \"" + prescriptionId + "\"}]}")
                .getResultList();
        return ids.stream().findFirst().map(id -> id instanceof UUID u ? u : UUID.fromString(id.toString()));
    }

    /** Plans with their sections, by id, in the order given. */
    public Map<UUID, PlanParts> parts(List<UUID> planIds) {
        if (planIds.isEmpty()) {
            return Map.of();
        }
        Map<UUID, Plan> plans = new HashMap<>();
        Plan.<Plan>list("id in ?1", planIds).forEach(p -> plans.put(p.id, p));
        Map<UUID, Map<SectionKind, String>> sections = new HashMap<>();
        for (PlanSection s : PlanSection.<PlanSection>list("planId in ?1", planIds)) {
            sections.computeIfAbsent(s.planId, k -> new HashMap<>()).put(s.kind, s.content);
        }
        Map<UUID, PlanParts> parts = new LinkedHashMap<>();
        for (UUID id : planIds) {
            Plan plan = plans.get(id);
            if (plan != null) {
                Map<SectionKind, String> content = sections.getOrDefault(id, Map.of());
                parts.put(id, parts(plan, content.get(SectionKind.GOALS), content.get(SectionKind.EXERCISES),
                        content.get(SectionKind.MEDICATIONS), content.get(SectionKind.SELF_MANAGEMENT)));
            }
        }
        return parts;
    }

    /** Builds the parts from stored section JSON, read leniently so content written by an older version stays readable. */
    public PlanParts parts(Plan plan, String goals, String exercises, String medications, String selfManagement) {
        return new PlanParts(plan, read(goals, Goals.class), read(exercises, ExerciseProgram.class),
                read(medications, Medications.class), read(selfManagement, SelfManagement.class));
    }

    private <T> T read(String content, Class<T> type) {
        if (content == null) {
            return null;
        }
        try {
            ObjectReader reader = json.readerFor(type).without(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
            return reader.readValue(content);
        } catch (IOException e) {
            throw new UncheckedIOException("stored " + type.getSimpleName() + " section is unreadable", e);
        }
    }

    /** Runs a search the caller is allowed to make, returning the page's resources and the total count. */
    public Page search(Caller caller, Search search) {
        Map<String, Object> params = new HashMap<>();
        String from = from(search.type()) + where(caller, search, params);
        Query count = em.createNativeQuery("select count(*)" + from);
        params.forEach(count::setParameter);
        long total = ((Number) count.getSingleResult()).longValue();
        if (search.count() == 0 || search.offset() >= total) {
            return new Page(List.of(), total);
        }
        String select = switch (search.type()) {
            case "Goal" -> "select p.id, cast(e.idx as int) - 1, cast(null as varchar)";
            case "MedicationRequest" -> "select p.id, 0, e.item->>'id'";
            default -> "select p.id, 0, cast(null as varchar)";
        };
        String order = search.type().equals("CarePlan") ? " order by p.updated_at, p.id" : " order by p.updated_at, p.id, e.idx";
        Query rows = em.createNativeQuery(select + from + order).setFirstResult(search.offset())
                .setMaxResults(search.count());
        params.forEach(rows::setParameter);
        @SuppressWarnings("unchecked")
        List<Object[]> hits = rows.getResultList();
        List<UUID> planIds = hits.stream().map(r -> toUuid(r[0])).distinct().toList();
        Map<UUID, PlanParts> parts = parts(planIds);
        List<Resource> resources = new ArrayList<>();
        for (Object[] hit : hits) {
            PlanParts p = parts.get(toUuid(hit[0]));
            if (p == null) {
                continue;
            }
            switch (search.type()) {
                case "Goal" -> {
                    int index = ((Number) hit[1]).intValue();
                    if (index < p.goals().goals().size()) {
                        resources.add(PlanFhirMapper.goal(p, index));
                    }
                }
                case "MedicationRequest" -> p.medications().medications().stream()
                        .filter(rx -> rx.id() != null && rx.id().toString().equals(hit[2]))
                        .findFirst().ifPresent(rx -> resources.add(PlanFhirMapper.medicationRequest(p, rx)));
                default -> resources.add(PlanFhirMapper.carePlan(p));
            }
        }
        return new Page(resources, total);
    }

    private static String from(String type) {
        return switch (type) {
            case "Goal" -> " from plan p join plan_section s on s.plan_id = p.id and s.kind = 'GOALS'"
                    + " cross join lateral jsonb_array_elements(case when jsonb_typeof(s.content->'goals') = 'array'"
                    + " then s.content->'goals' else cast('[]' as jsonb) end) with ordinality as e(item, idx)";
            case "MedicationRequest" -> " from plan p join plan_section s on s.plan_id = p.id and s.kind = 'MEDICATIONS'"
                    + " cross join lateral jsonb_array_elements(case when jsonb_typeof(s.content->'medications') = 'array'"
                    + " then s.content->'medications' else cast('[]' as jsonb) end) with ordinality as e(item, idx)";
            default -> " from plan p";
        };
    }

    private static String where(Caller caller, Search search, Map<String, Object> params) {
        List<String> where = new ArrayList<>();
        if (search.type().equals("MedicationRequest")) {
            where.add("e.item->>'id' is not null");
        }
        if (!caller.isAdmin() && !caller.has(Role.INTEGRATOR)) {
            List<String> visible = new ArrayList<>();
            if (caller.has(Role.PATIENT)) {
                visible.add("exists (select 1 from patient pp where pp.id = p.patient_id and pp.oidc_subject = :subject)");
            }
            if (caller.isClinician()) {
                visible.add("exists (select 1 from care_team_member m where m.patient_id = p.patient_id and m.subject = :subject)");
            }
            where.add(visible.isEmpty() ? "false" : "(" + String.join(" or ", visible) + ")");
            if (!visible.isEmpty()) {
                params.put("subject", caller.subject());
            }
        }
        if (search.patient() != null) {
            where.add("p.patient_id = :patient");
            params.put("patient", search.patient());
        }
        String start;
        String end;
        switch (search.type()) {
            case "Goal" -> {
                start = "cast(e.item->>'dueDate' as date)";
                end = start;
            }
            case "MedicationRequest" -> {
                start = "cast(e.item->>'startDate' as date)";
                end = "coalesce(cast(e.item->>'endDate' as date), date '9999-12-31')";
            }
            default -> {
                start = "coalesce(p.start_date, cast(p.created_at as date))";
                end = "coalesce(p.review_date, date '9999-12-31')";
            }
        }
        int n = 0;
        for (DateParam d : search.date()) {
            String f = "df" + n;
            String l = "dl" + n++;
            String condition = switch (d.prefix()) {
                case EQ -> start + " >= :" + f + " and " + end + " <= :" + l;
                case GE -> end + " >= :" + f;
                case GT -> end + " > :" + l;
                case LE -> start + " <= :" + l;
                case LT -> start + " < :" + f;
            };
            if (condition.contains(":" + f)) {
                params.put(f, d.fromDate());
            }
            if (condition.contains(":" + l)) {
                params.put(l, d.lastDate());
            }
            where.add(condition);
        }
        n = 0;
        for (DateParam d : search.lastUpdated()) {
            String f = "uf" + n;
            String u = "uu" + n++;
            String condition = switch (d.prefix()) {
                case EQ -> "p.updated_at >= :" + f + " and p.updated_at < :" + u;
                case GE -> "p.updated_at >= :" + f;
                case GT -> "p.updated_at >= :" + u;
                case LE -> "p.updated_at < :" + u;
                case LT -> "p.updated_at < :" + f;
            };
            if (condition.contains(":" + f)) {
                params.put(f, d.from());
            }
            if (condition.contains(":" + u)) {
                params.put(u, d.until());
            }
            where.add(condition);
        }
        return where.isEmpty() ? "" : " where " + String.join(" and ", where);
    }

    static UUID toUuid(Object value) {
        return value instanceof UUID u ? u : UUID.fromString(value.toString());
    }
}
