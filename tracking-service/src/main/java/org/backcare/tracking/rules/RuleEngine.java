package org.backcare.tracking.rules;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import org.backcare.tracking.checkin.CheckIn;
import org.backcare.tracking.outbox.EventType;
import org.backcare.platform.outbox.Outbox;
import org.backcare.platform.web.TransactionLocks;
import org.backcare.tracking.plan.ActivePlan;
import org.backcare.tracking.plan.Prescribed;
import org.backcare.tracking.questionnaire.Instrument;
import org.backcare.tracking.questionnaire.InstrumentScore;
import org.backcare.tracking.questionnaire.Instruments;
import org.backcare.tracking.questionnaire.Questionnaire;
import org.backcare.tracking.timeline.TimelineEntry;
import org.backcare.tracking.trend.DailyRollup;
import org.backcare.tracking.trend.Rollups;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * Runs the alert rules for a patient after every report (and daily, for missed check-ins) in the same transaction
 * as the report, and raises each alert once per episode through the outbox. Reads a bounded window: 28 daily
 * rollups, today's check-in, the active plan and the first and latest ODI, however long the history is.
 */
@ApplicationScoped
public class RuleEngine {

    static final int HISTORY_DAYS = 28;
    static final String LOCK = "alert-rules";

    private final Rollups rollups;
    private final Outbox outbox;
    private final ObjectMapper json;
    private final RuleConfig config;
    private final Clock clock;
    private final MeterRegistry metrics;
    private final TransactionLocks locks;

    public RuleEngine(Rollups rollups, Outbox outbox, ObjectMapper json, RuleConfig config, Clock clock,
                      MeterRegistry metrics, TransactionLocks locks) {
        this.rollups = rollups;
        this.outbox = outbox;
        this.json = json;
        this.config = config;
        this.clock = clock;
        this.metrics = metrics;
        this.locks = locks;
    }

    /** The data of every alert event on tracking-events. */
    public record AlertRaised(String alert, String priority, String message, Map<String, Object> details,
                              Instant raisedAt) {
    }

    /** Evaluates the rules as of today and raises what newly holds; returns the alerts raised. */
    @Transactional(Transactional.TxType.MANDATORY)
    public List<Finding> evaluate(UUID patientId) {
        return evaluate(patientId, Set.of());
    }

    /**
     * As {@link #evaluate(UUID)}, with red flags just reported on a check-in of another day: a warning sign entered
     * late is as urgent as one entered today.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public List<Finding> evaluate(UUID patientId, Set<String> redFlagsJustReported) {
        // One evaluation at a time per patient, on every instance: two check-ins synced together, or two instances'
        // schedulers, would otherwise both see no open episode and both raise the alert. Held until commit, so the
        // next evaluation reads the episode this one opened.
        locks.lock(LOCK, patientId);
        LocalDate today = LocalDate.now(clock);
        PatientHistory history = history(patientId, today, redFlagsJustReported);
        List<Finding> findings = Rules.evaluate(history, config.thresholds());
        Map<AlertType, AlertEpisode> episodes = new LinkedHashMap<>();
        AlertEpisode.<AlertEpisode>list("patientId", patientId).forEach(e -> episodes.put(AlertType.valueOf(e.type), e));
        Set<AlertType> open = episodes.values().stream().filter(e -> e.open).map(e -> AlertType.valueOf(e.type))
                .collect(Collectors.toSet());
        Map<AlertType, Episodes.Decision> decisions = Episodes.decideAll(findings, open);
        AlertEpisode redFlag = episodes.get(AlertType.RED_FLAG_SYMPTOM);
        if (redFlag != null && redFlag.openedAt != null) {
            decisions.put(AlertType.RED_FLAG_SYMPTOM, Episodes.redFlagEpisode(decisions.get(AlertType.RED_FLAG_SYMPTOM),
                    today.equals(history.lastCheckIn()), LocalDate.ofInstant(redFlag.openedAt, clock.getZone()), today));
        }
        Instant now = Instant.now(clock);
        List<Finding> raised = new ArrayList<>();
        for (Finding finding : findings) {
            if (decisions.get(finding.type()) == Episodes.Decision.RAISE) {
                AlertEpisode episode = episodes.get(finding.type());
                boolean first = episode == null;
                if (first) {
                    episode = new AlertEpisode();
                    episode.patientId = patientId;
                    episode.type = finding.type().name();
                }
                episode.open = true;
                episode.openedAt = now;
                episode.closedAt = null;
                if (first) {
                    episode.persist();
                }
                outbox.publish(eventType(finding.type()), patientId,
                        new AlertRaised(finding.type().code(), finding.priority(), finding.message(), finding.details(), now));
                TimelineEntry.add(patientId, now, "alert", UUID.randomUUID(),
                        Map.of("alert", finding.type().code(), "priority", finding.priority(), "message", finding.message()));
                metrics.counter("backcare.alerts.raised", "alert", finding.type().code()).increment();
                raised.add(finding);
            }
        }
        decisions.forEach((type, decision) -> {
            if (decision == Episodes.Decision.CLOSE) {
                AlertEpisode episode = episodes.get(type);
                episode.open = false;
                episode.closedAt = now;
            }
        });
        return raised;
    }

    /**
     * Runs the questionnaire safety rules ({@link QuestionnaireRules}) on a newly stored instrument result, in its
     * transaction, and raises each alert once per result ({@code questionnaire_alert}): running them again for the
     * same result raises nothing. Returns the alerts raised.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public List<Finding> evaluateQuestionnaire(UUID questionnaireId) {
        Questionnaire q = Questionnaire.findById(questionnaireId);
        if (q == null) {
            throw new IllegalArgumentException("no questionnaire " + questionnaireId);
        }
        if (Questionnaire.ODI.equals(q.kind)) {
            return List.of(); // the ODI has its history rule
        }
        locks.lock(LOCK, q.patientId);
        Questionnaire previous = Questionnaire.<Questionnaire>find("patientId = ?1 and kind = ?2 and id <> ?3 "
                        + "and (day < ?4 or (day = ?4 and recordedAt < ?5)) order by day desc, recordedAt desc",
                q.patientId, q.kind, q.id, q.day, q.recordedAt).firstResult();
        List<Finding> findings = QuestionnaireRules.evaluate(outcome(q), previous == null ? null : outcome(previous));
        Instant now = Instant.now(clock);
        List<Finding> raised = new ArrayList<>();
        for (Finding finding : findings) {
            if (QuestionnaireAlert.findById(new QuestionnaireAlert.Key(q.id, finding.type().name())) != null) {
                continue;
            }
            QuestionnaireAlert record = new QuestionnaireAlert();
            record.questionnaireId = q.id;
            record.type = finding.type().name();
            record.patientId = q.patientId;
            record.raisedAt = now;
            record.persist();
            outbox.publish(eventType(finding.type()), q.patientId,
                    new AlertRaised(finding.type().code(), finding.priority(), finding.message(), finding.details(), now));
            TimelineEntry.add(q.patientId, now, "alert", UUID.randomUUID(),
                    Map.of("alert", finding.type().code(), "priority", finding.priority(), "message", finding.message()));
            metrics.counter("backcare.alerts.raised", "alert", finding.type().code()).increment();
            raised.add(finding);
        }
        return raised;
    }

    /** A stored instrument result as the questionnaire rules see it, scored with the definition it was taken with. */
    static QuestionnaireOutcome outcome(Questionnaire q) {
        Instrument definition = Instruments.version(q.kind, q.version).orElseThrow(() ->
                new IllegalStateException("questionnaire " + q.id + ": no definition " + q.kind + " v" + q.version));
        InstrumentScore score = definition.score(q.answers);
        Integer selfHarm = Instruments.PHQ_9.equals(q.kind) ? q.answers.get(8) : null;
        return new QuestionnaireOutcome(q.id, q.kind, q.version, q.day, score.total(), score.band().code(),
                score.flags(), selfHarm, definition.mcid() == null ? null : definition.mcid().points());
    }

    /** The event type on tracking-events for an alert (deploy/asyncapi.yaml). */
    public static EventType eventType(AlertType type) {
        return switch (type) {
            case RED_FLAG_SYMPTOM -> EventType.RED_FLAG_SYMPTOM_REPORTED;
            case FLARE -> EventType.FLARE_DETECTED;
            case WORSENING_TREND -> EventType.WORSENING_TREND;
            case IMPROVING_TREND -> EventType.IMPROVING_TREND;
            case LOW_EXERCISE_ADHERENCE -> EventType.LOW_EXERCISE_ADHERENCE;
            case NSAID_OVERUSE -> EventType.NSAID_OVERUSE;
            case POOR_SLEEP -> EventType.POOR_SLEEP;
            case MISSED_CHECK_INS -> EventType.CHECK_INS_MISSED;
            case ODI_CHANGE -> EventType.ODI_CHANGED;
            case SELF_HARM_RISK -> EventType.SELF_HARM_RISK_REPORTED;
            case PSYCHOLOGICAL_DISTRESS -> EventType.PSYCHOLOGICAL_DISTRESS_DETECTED;
            case FEAR_AVOIDANCE -> EventType.FEAR_AVOIDANCE_DETECTED;
        };
    }

    PatientHistory history(UUID patientId, LocalDate today, Set<String> redFlagsJustReported) {
        List<DailyRollup> days = rollups.range(patientId, today.minusDays(HISTORY_DAYS - 1L), today);
        TreeMap<LocalDate, Integer> pain = new TreeMap<>();
        TreeMap<LocalDate, Integer> sleep = new TreeMap<>();
        ActivePlan plan = ActivePlan.findById(patientId);
        JsonNode exercises = section(plan == null ? null : plan.exercises);
        JsonNode medications = section(plan == null ? null : plan.medications);
        int done = 0;
        int prescribed = 0;
        List<MedicationDay> medicationDays = new ArrayList<>();
        LocalDate adherenceFrom = today.minusDays(config.adherenceWindowDays() - 1L);
        for (DailyRollup d : days) {
            if (d.pain != null) {
                pain.put(d.day, d.pain);
            }
            if (d.sleepQuality != null) {
                sleep.put(d.day, d.sleepQuality);
            }
            if (!d.day.isBefore(adherenceFrom)) {
                done += d.exerciseSessions;
            }
            if (d.nsaidTotal != null) {
                medicationDays.add(new MedicationDay(d.day, "nsaid", "nsaid", d.nsaidTotal,
                        Prescribed.nsaidDailyDose(medications, d.day)));
            }
        }
        for (LocalDate day = adherenceFrom; !day.isAfter(today); day = day.plusDays(1)) {
            prescribed += Prescribed.exerciseSessions(exercises, day);
        }
        // The latest check-in (one index probe) is also today's when it is dated today.
        CheckIn lastOne = CheckIn.<CheckIn>find("patientId = ?1 order by day desc", patientId).firstResult();
        LocalDate lastCheckIn = lastOne == null ? null : lastOne.day;
        CheckIn todays = lastOne != null && lastOne.day.equals(today) ? lastOne : null;
        LocalDate since = DailyRollup.<DailyRollup>find("patientId = ?1 order by day", patientId).firstResultOptional()
                .map(d -> d.day).orElse(plan != null && plan.startDate != null ? plan.startDate : today);
        List<PatientHistory.OdiPoint> odi = new ArrayList<>();
        Questionnaire.baselineOdi(patientId).ifPresent(baseline -> {
            odi.add(new PatientHistory.OdiPoint(baseline.day, baseline.score));
            Questionnaire.latestOdi(patientId).filter(latest -> !latest.id.equals(baseline.id))
                    .ifPresent(latest -> odi.add(new PatientHistory.OdiPoint(latest.day, latest.score)));
        });
        Set<String> redFlags = new java.util.TreeSet<>(redFlagsJustReported);
        if (todays != null) {
            redFlags.addAll(todays.redFlags);
        }
        return new PatientHistory(today, pain, redFlags, sleep, done,
                prescribed, medicationDays, lastCheckIn, since.isAfter(today) ? today : since, odi);
    }

    private JsonNode section(String content) {
        if (content == null) {
            return json.createObjectNode();
        }
        try {
            return json.readTree(content);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored plan section is not JSON", e);
        }
    }
}
