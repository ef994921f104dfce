package org.backcare.tracking.fhir;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;
import org.backcare.tracking.checkin.CheckIn;
import org.backcare.tracking.medication.MedicationIntake;
import org.backcare.tracking.questionnaire.Instruments;
import org.backcare.tracking.questionnaire.Questionnaire;
import org.hl7.fhir.r4.model.Resource;

import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * Runs a FHIR search as SQL over the source rows: each resource type is a union of "branches" (a check-in yields one
 * Observation per reported measure, a completed questionnaire one more), filtered by patient, date, last update and
 * kind (the {@code code} of an Observation), ordered by last update and id, paged by offset. The page's rows are
 * then loaded as entities and mapped.
 */
@ApplicationScoped
public class FhirSearch {

    /**
     * A search after its parameters were checked.
     *
     * @param kinds the kinds of row to keep ({@link ObservationCodes}), or null for all
     */
    public record Criteria(String type, UUID patientId, List<DateParam.Bound> date, List<DateParam.Bound> lastUpdated,
                           Set<String> kinds, int count, int offset) {
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
    /** Every completed questionnaire, the ODI and the instruments: kind is the questionnaire's. */
    private static final Branch QUESTIONNAIRE = new Branch("questionnaire", "questionnaire c", "true",
            "c.kind", "(c.day::timestamp at time zone 'UTC')", "c.recorded_at");
    private static final Branch RISK = new Branch("questionnaire", "questionnaire c",
            "c.kind = '" + Instruments.START_BACK + "'", "c.kind", "(c.day::timestamp at time zone 'UTC')",
            "c.recorded_at");
    private static final Branch INTAKE = new Branch("intake", "medication_intake c", "true",
            "''", "c.taken_at", "c.recorded_at");

    static final Map<String, List<Branch>> TYPES = Map.of(
            "Observation", List.of(CHECK_IN, QUESTIONNAIRE),
            "QuestionnaireResponse", List.of(QUESTIONNAIRE),
            "MedicationStatement", List.of(INTAKE),
            "RiskAssessment", List.of(RISK));

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
            if (criteria.kinds() != null) {
                if (criteria.kinds().isEmpty()) {
                    sql.append(" and false");
                } else {
                    sql.append(" and ").append(b.kind()).append(" in (")
                            .append(String.join(", ", Collections.nCopies(criteria.kinds().size(), "?"))).append(')');
                    params.addAll(criteria.kinds());
                }
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
        Map<UUID, Questionnaire> questionnaires = byId(ids.get("questionnaire"), Questionnaire.class);
        Map<UUID, MedicationIntake> intakes = byId(ids.get("intake"), MedicationIntake.class);
        List<Resource> resources = new ArrayList<>(rows.size());
        for (Object[] row : rows) {
            UUID id = (UUID) row[1];
            String kind = (String) row[2];
            switch ((String) row[0]) {
                case "check_in" -> CheckInObservations.Measure.ofSuffix(kind)
                        .flatMap(m -> CheckInObservations.of(checkIns.get(id), m)).ifPresent(resources::add);
                case "questionnaire" -> resources.add(switch (type) {
                    case "Observation" -> QuestionnaireResources.score(questionnaires.get(id));
                    case "RiskAssessment" -> InstrumentResources.riskAssessment(questionnaires.get(id));
                    default -> QuestionnaireResources.response(questionnaires.get(id));
                });
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
