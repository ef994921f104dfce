package org.backcare.tracking.trend;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import org.backcare.platform.access.Caller;
import org.backcare.tracking.access.PatientAccess.Action;
import org.backcare.tracking.audit.AuditAction;
import org.backcare.platform.audit.AuditLog;
import org.backcare.tracking.patient.Patients;
import org.backcare.tracking.plan.ActivePlan;
import org.backcare.tracking.plan.Prescribed;
import org.backcare.tracking.questionnaire.Questionnaire;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Trend summaries over 7, 30 or 90 days. Reads the window's daily rollups (at most 90 rows) and the first week of
 * tracking for the baseline: the cost does not grow with the length of the patient's history.
 */
@ApplicationScoped
public class TrendService {

    static final int BASELINE_DAYS = 7;

    private final Patients patients;
    private final Rollups rollups;
    private final AuditLog audit;
    private final ObjectMapper json;
    private final Clock clock;

    public TrendService(Patients patients, Rollups rollups, AuditLog audit, ObjectMapper json, Clock clock) {
        this.patients = patients;
        this.rollups = rollups;
        this.audit = audit;
        this.json = json;
        this.clock = clock;
    }

    @Transactional
    public TrendSummary trend(Caller caller, UUID patientId, int days) throws JsonProcessingException {
        patients.authorized(caller, patientId, Action.READ);
        LocalDate to = LocalDate.now(clock);
        LocalDate from = to.minusDays(days - 1L);
        Map<LocalDate, DailyRollup> logged = rollups.range(patientId, from, to).stream()
                .collect(Collectors.toMap(r -> r.day, Function.identity()));
        ActivePlan plan = ActivePlan.findById(patientId);
        JsonNode exercises = plan == null ? json.createObjectNode() : json.readTree(plan.exercises);
        JsonNode medications = plan == null ? json.createObjectNode() : json.readTree(plan.medications);
        LocalDate planStart = plan == null || plan.startDate == null ? null : plan.startDate;
        List<DailyEntry> entries = new ArrayList<>();
        for (LocalDate day = from; !day.isAfter(to); day = day.plusDays(1)) {
            DailyRollup r = logged.get(day);
            boolean prescribedThen = planStart != null && !day.isBefore(planStart);
            int exercisePrescribed = prescribedThen ? Prescribed.exerciseSessions(exercises, day) : 0;
            int dosesPrescribed = prescribedThen ? Prescribed.scheduledDoses(medications, day) : 0;
            if (r != null) {
                entries.add(new DailyEntry(day, r.pain, r.exerciseSessions, exercisePrescribed, r.medicationDoses,
                        dosesPrescribed, r.sleepHours, r.sleepQuality));
            } else if (exercisePrescribed > 0 || dosesPrescribed > 0) {
                // Nothing logged, but something was prescribed: it counts as not done.
                entries.add(new DailyEntry(day, null, 0, exercisePrescribed, 0, dosesPrescribed, null, null));
            }
        }
        BigDecimal baselineOdi = Questionnaire.baselineOdi(patientId).map(q -> q.score).orElse(null);
        BigDecimal latestOdi = Questionnaire.latestOdi(patientId).map(q -> q.score).orElse(null);
        audit.record(caller, AuditAction.TREND_READ, patientId, days + " days");
        return TrendCalculator.summarize(entries, from, to, baselinePain(patientId), baselineOdi, latestOdi);
    }

    /** The mean pain of the first week the patient logged: what "better" and "worse" are measured against. */
    private BigDecimal baselinePain(UUID patientId) {
        DailyRollup first = DailyRollup.<DailyRollup>find("patientId = ?1 and pain is not null order by day", patientId)
                .firstResult();
        if (first == null) {
            return null;
        }
        List<DailyRollup> week = rollups.range(patientId, first.day, first.day.plusDays(BASELINE_DAYS - 1L));
        List<Integer> pains = week.stream().map(r -> r.pain).filter(p -> p != null).toList();
        return BigDecimal.valueOf(pains.stream().mapToInt(Integer::intValue).sum())
                .divide(BigDecimal.valueOf(pains.size()), 2, RoundingMode.HALF_UP);
    }
}
