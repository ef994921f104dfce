package org.backcare.tracking.fhir;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;
import org.backcare.tracking.checkin.CheckIn;
import org.backcare.tracking.medication.MedicationIntake;
import org.backcare.tracking.questionnaire.Questionnaire;
import org.hl7.fhir.r4.model.Resource;

import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Runs a FHIR search as SQL over the source rows: each resource type is a union of "branches" (a check-in yields one
 * Observation per reported measure, an ODI one more), filtered by patient, date and last update, ordered by last
 * update and id, paged by offset. The page's rows are then loaded as entities and mapped.
 */
@ApplicationScoped
public class FhirSearch {

    /** A search after its parameters were checked. */
    public record Criteria(String type, UUID patientId, List<DateParam.Bound> date, List<DateParam.Bound> lastUpdated,
                           int count, int offset) {
    }

    public record Page(long total, List<Resource> resources) {
    }

    /** One source of resources: the FROM clause, the expressions of the id, kind, date and last update. */
    private record Branch(String source, String from, String where, String kind, String date, String updated) {
    }

    private static final String MEASURES = "cross join lateral (values ('pain', true), "
            + "('sleep-duration', c.sleep_hours is not null), ('sleep-quality', c.sleep_quality is not null), "
            + "('mood', c.mood is not null), ('function', c.function_score is not null), "
            + "('stress', c.stress is not null)) m(kind, present)";
    private static final Branch CHECK_IN = new Branch("check_in", "check_in c " + MEASURES, "m.present",
            "m.kind", "(c.day::timestamp at time zone 'UTC')", "c.updated_at");
    private static final Branch ODI_SCORE = new Branch("odi", "questionnaire c", "c.kind = 'odi'",
            "'odi'", "(c.day::timestamp at time zone 'UTC')", "c.recorded_at");
    private static final Branch ODI_RESPONSE = new Branch("odi", "questionnaire c", "c.kind = 'odi'",
            "''", "(c.day::timestamp at time zone 'UTC')", "c.recorded_at");
    private static final Branch INTAKE = new Branch("intake", "medication_intake c", "true",
            "''", "c.taken_at", "c.recorded_at");

    static final Map<String, List<Branch>> TYPES = Map.of(
            "Observation", List.of(CHECK_IN, ODI_SCORE),
            "QuestionnaireResponse", List.of(ODI_RESPONSE),
            "MedicationStatement", List.of(INTAKE));

    private final EntityManager em;

    public FhirSearch(EntityManager em) {
        this.em = em;
    }

    public static boolean serves(String type) {
        return TYPES.containsKey(type);
    }

    public Page search(Criteria criteria) {
        List<Object> params = new ArrayList<>();
        String union = union(criteria, params);
        Query count = em.createNativeQuery("select count(*) from (" + union + ") r");
        bind(count, params);
        long total = ((Number) count.getSingleResult()).longValue();
        if (criteria.count() == 0 || criteria.offset() >= total) {
            return new Page(total, List.of());
        }
        Query page = em.createNativeQuery("select r.source, r.id, r.kind from (" + union + ") r "
                + "order by r.updated, r.id, r.kind limit " + criteria.count() + " offset " + criteria.offset());
        bind(page, params);
        @SuppressWarnings("unchecked")
        List<Object[]> rows = page.getResultList();
        return new Page(total, load(criteria.type(), rows));
    }

    private static String union(Criteria criteria, List<Object> params) {
        List<String> selects = new ArrayList<>();
        for (Branch b : TYPES.get(criteria.type())) {
            StringBuilder sql = new StringBuilder("select '").append(b.source()).append("' as source, c.id as id, ")
                    .append(b.kind()).append(" as kind, ").append(b.updated()).append(" as updated from ")
                    .append(b.from()).append(" where ").append(b.where());
            if (criteria.patientId() != null) {
                sql.append(" and c.patient_id = ?");
                params.add(criteria.patientId());
            }
            for (DateParam.Bound bound : criteria.date()) {
                sql.append(" and ").append(b.date()).append(' ').append(bound.op()).append(" ?");
                params.add(Timestamp.from(bound.value()));
            }
            for (DateParam.Bound bound : criteria.lastUpdated()) {
                sql.append(" and ").append(b.updated()).append(' ').append(bound.op()).append(" ?");
                params.add(Timestamp.from(bound.value()));
            }
            selects.add(sql.toString());
        }
        return String.join(" union all ", selects);
    }

    private static void bind(Query query, List<Object> params) {
        for (int i = 0; i < params.size(); i++) {
            query.setParameter(i + 1, params.get(i));
        }
    }

    private List<Resource> load(String type, List<Object[]> rows) {
        Map<String, List<UUID>> ids = new HashMap<>();
        for (Object[] row : rows) {
            ids.computeIfAbsent((String) row[0], k -> new ArrayList<>()).add((UUID) row[1]);
        }
        Map<UUID, CheckIn> checkIns = byId(ids.get("check_in"), CheckIn.class);
        Map<UUID, Questionnaire> odis = byId(ids.get("odi"), Questionnaire.class);
        Map<UUID, MedicationIntake> intakes = byId(ids.get("intake"), MedicationIntake.class);
        List<Resource> resources = new ArrayList<>(rows.size());
        for (Object[] row : rows) {
            UUID id = (UUID) row[1];
            String kind = (String) row[2];
            switch ((String) row[0]) {
                case "check_in" -> CheckInObservations.Measure.ofSuffix(kind)
                        .flatMap(m -> CheckInObservations.of(checkIns.get(id), m)).ifPresent(resources::add);
                case "odi" -> resources.add("Observation".equals(type)
                        ? OdiResources.score(odis.get(id)) : OdiResources.response(odis.get(id)));
                default -> resources.add(MedicationStatements.of(intakes.get(id)));
            }
        }
        return resources;
    }

    private <T> Map<UUID, T> byId(List<UUID> ids, Class<T> entity) {
        Map<UUID, T> found = new LinkedHashMap<>();
        if (ids == null || ids.isEmpty()) {
            return found;
        }
        List<T> list = em.createQuery("from " + entity.getSimpleName() + " e where e.id in :ids", entity)
                .setParameter("ids", ids).getResultList();
        for (T t : list) {
            found.put((UUID) em.getEntityManagerFactory().getPersistenceUnitUtil().getIdentifier(t), t);
        }
        return found;
    }
}
