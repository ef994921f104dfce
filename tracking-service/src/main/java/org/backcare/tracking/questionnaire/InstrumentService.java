package org.backcare.tracking.questionnaire;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import jakarta.validation.constraints.NotNull;
import org.backcare.platform.access.Caller;
import org.backcare.platform.audit.AuditLog;
import org.backcare.platform.outbox.Outbox;
import org.backcare.platform.problem.ProblemException;
import org.backcare.platform.problem.ProblemType;
import org.backcare.platform.web.PageOf;
import org.backcare.platform.web.PageRequest;
import org.backcare.tracking.access.PatientAccess.Action;
import org.backcare.tracking.audit.AuditAction;
import org.backcare.tracking.outbox.EventType;
import org.backcare.tracking.patient.Patients;
import org.backcare.tracking.rules.RuleEngine;
import org.backcare.tracking.timeline.TimelineEntry;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Results of the scored instruments ({@link Instruments}): scored here, stored with every answer and the definition
 * version in the {@code questionnaire} table (kind = the instrument id), listed per patient and instrument. Each new
 * result runs the questionnaire safety rules ({@link RuleEngine#evaluateQuestionnaire}) and is published as
 * {@code InstrumentCompleted}, with its change from the patient's previous result, in the same transaction.
 */
@ApplicationScoped
public class InstrumentService {

    private final Patients patients;
    private final RuleEngine rules;
    private final Outbox outbox;
    private final AuditLog audit;
    private final Clock clock;

    public InstrumentService(Patients patients, RuleEngine rules, Outbox outbox, AuditLog audit, Clock clock) {
        this.patients = patients;
        this.rules = rules;
        this.outbox = outbox;
        this.audit = audit;
        this.clock = clock;
    }

    /** The answers to one instrument, by item number. */
    @Schema(name = "InstrumentAnswers")
    public record AnswersRequest(
            @NotNull @Schema(required = true, description = "One entry per item, in item order (item 1 first): the "
                    + "answer, within the item's range (GET /questionnaires), or null for a skipped item where the "
                    + "instrument's missing-item rule allows it", example = "[1, 2, 0, 1, 1, 0, 2, 1, 0]")
            List<Integer> answers) {
    }

    /** A subscale's score. */
    @Schema(name = "InstrumentSubscaleScore")
    public record SubscaleScore(@Schema(example = "psychosocial") String code, @Schema(example = "4") int score) {
    }

    /** The band a result falls in; for STarT Back, the risk stratum. */
    @Schema(name = "InstrumentBandResult")
    public record BandResult(@Schema(example = "mild") String code, @Schema(example = "Mild") String label) {
    }

    /** A scored result as the API shows it. */
    @Schema(name = "InstrumentResult")
    public record InstrumentResult(UUID id,
                             @Schema(example = "phq-9") String instrument,
                             @Schema(description = "The version of the definition it was scored with", example = "1") String version,
                             LocalDate day,
                             @Schema(description = "The answers by item, null where skipped", example = "[1, 2, 0, 1, 1, 0, 2, 1, 0]")
                             List<Integer> answers,
                             @Schema(example = "9") int answered,
                             @Schema(description = "The total; prorated over missing items where the instrument allows it",
                                     example = "8") int score,
                             @Schema(description = "Whether items were missing and the score was prorated") boolean prorated,
                             @Schema(description = "Subscale scores (PCS, STarT Back), in definition order") List<SubscaleScore> subscales,
                             BandResult band,
                             @Schema(description = "Codes of the raised flags (GET /questionnaires), e.g. self-harm: "
                                     + "PHQ-9 item 9 above 0", example = "[]") List<String> flags) {
    }

    /** The data of {@code InstrumentCompleted} on tracking-events (deploy/asyncapi.yaml): scores only, never answers. */
    public record InstrumentCompleted(UUID questionnaireId, String instrument, String version, LocalDate day, int score,
                                      boolean prorated, String band, String bandLabel, Map<String, Integer> subscales,
                                      List<String> flags, boolean higherIsWorse, Previous previous,
                                      Integer changePoints, BigDecimal mcidPoints, boolean clinicallyImportantChange,
                                      String direction) {
    }

    /** The patient's result of the same instrument before this one. */
    public record Previous(UUID questionnaireId, LocalDate day, int score) {
    }

    /** Scores, stores and returns one completed instrument. */
    @Transactional
    public InstrumentResult record(Caller caller, UUID patientId, Instrument instrument, AnswersRequest request) {
        patients.authorized(caller, patientId, Action.REPORT);
        InstrumentScore score;
        try {
            score = instrument.score(request.answers());
        } catch (AnswersRejected e) {
            throw ProblemException.badRequest(e.field(), e.getMessage());
        }
        Questionnaire previous = Questionnaire.<Questionnaire>find("patientId = ?1 and kind = ?2 "
                + "order by day desc, recordedAt desc", patientId, instrument.id()).firstResult();
        Questionnaire q = new Questionnaire();
        q.id = UUID.randomUUID();
        q.patientId = patientId;
        q.kind = instrument.id();
        q.version = instrument.version();
        q.day = LocalDate.now(clock);
        q.answers = request.answers();
        q.answered = score.answered();
        q.score = BigDecimal.valueOf(score.total());
        q.baseline = false;
        q.recordedBy = caller.subject();
        q.recordedAt = Instant.now(clock);
        q.persist();
        TimelineEntry.add(patientId, q.recordedAt, "questionnaire", q.id,
                Map.of("kind", q.kind, "score", score.total(), "band", score.band().code()));
        outbox.publish(EventType.INSTRUMENT_COMPLETED, patientId, completed(instrument, q, score, previous));
        // The safety rules (PHQ-9 item 9, distress, fear-avoidance) in the same transaction: the result, its event
        // and its alerts commit together or not at all.
        rules.evaluateQuestionnaire(q.id);
        audit.record(caller, AuditAction.QUESTIONNAIRE_RECORD, patientId, q.kind + " " + score.total());
        return view(q, score);
    }

    /** A patient's results of one instrument, newest first. */
    @Transactional
    public PageOf<InstrumentResult> list(Caller caller, UUID patientId, Instrument instrument, PageRequest page) {
        patients.authorized(caller, patientId, Action.READ);
        var query = Questionnaire.<Questionnaire>find("patientId = ?1 and kind = ?2 order by day desc, recordedAt desc",
                patientId, instrument.id());
        List<InstrumentResult> items = query.page(page.page(), page.size()).list().stream().map(InstrumentService::view).toList();
        audit.record(caller, AuditAction.QUESTIONNAIRE_READ, patientId, instrument.id());
        return PageOf.of(items, page, query.count());
    }

    static InstrumentCompleted completed(Instrument instrument, Questionnaire q, InstrumentScore score,
                                         Questionnaire previous) {
        ScoreChange change = previous == null ? null
                : ScoreChange.between(instrument, previous.score.intValueExact(), score.total());
        return new InstrumentCompleted(q.id, q.kind, q.version, q.day, score.total(), score.prorated(),
                score.band().code(), score.band().label(), score.subscales(), score.flags(), instrument.higherIsWorse(),
                previous == null ? null : new Previous(previous.id, previous.day, previous.score.intValueExact()),
                change == null ? null : change.points(), ScoreChange.mcidPoints(instrument),
                change != null && change.clinicallyImportant(), change == null ? null : change.direction().code());
    }

    /** How far back a trend reaches when {@code from} is not given. */
    static final int DEFAULT_TREND_MONTHS = 12;
    /** The longest window a trend covers: keeps one request's work bounded. */
    static final int MAX_TREND_YEARS = 5;

    /** One result in a trend. */
    @Schema(name = "InstrumentTrendResult")
    public record TrendResult(UUID questionnaireId, @Schema(example = "2026-11-09") LocalDate day,
                              @Schema(example = "8") int score, @Schema(example = "mild") String band) {
    }

    /** The change between two results of a trend. */
    @Schema(name = "InstrumentTrendChange")
    public record TrendChange(@Schema(example = "2026-11-09") LocalDate fromDay, @Schema(example = "8") int fromScore,
                              @Schema(example = "2026-12-07") LocalDate toDay, @Schema(example = "14") int toScore,
                              @Schema(description = "toScore - fromScore", example = "6") int points,
                              @Schema(description = "Whether the change reaches the instrument's MCID (in points, or as "
                                      + "a percentage of fromScore for the PCS)") boolean clinicallyImportant,
                              @Schema(description = "Which way the score moved for the patient, whatever its size "
                                      + "(higherIsWorse taken into account: a PSEQ going up is better)",
                                      enumeration = {"better", "worse", "unchanged"}, example = "worse") String direction) {

        static TrendChange of(InstrumentTrend.Change c) {
            return c == null ? null : new TrendChange(c.from().day(), c.from().score(), c.to().day(), c.to().score(),
                    c.change().points(), c.change().clinicallyImportant(), c.change().direction().code());
        }
    }

    /** A patient's score series of one instrument with its MCID-based change. */
    @Schema(name = "InstrumentTrend")
    public record TrendView(@Schema(example = "phq-9") String instrument,
                            @Schema(description = "First day of the window") LocalDate from,
                            @Schema(description = "Last day of the window") LocalDate to,
                            @Schema(description = "False for the PSEQ, where a higher score is better") boolean higherIsWorse,
                            @Schema(description = "The MCID in points, where the instrument defines it so", example = "5")
                            BigDecimal mcidPoints,
                            @Schema(description = "The MCID as a percentage of the earlier score (PCS 38)", example = "38")
                            Integer mcidPercent,
                            @Schema(description = "The results in the window, oldest first") List<TrendResult> results,
                            @Schema(description = "First result in the window to the latest; null with fewer than two")
                            TrendChange sinceFirst,
                            @Schema(description = "The result before the latest to the latest; null with fewer than two")
                            TrendChange sincePrevious,
                            @Schema(description = "better or worse when the change since the first result in the window "
                                    + "reaches the MCID, otherwise unchanged (the direction alone for STarT Back, which "
                                    + "has no MCID); null with fewer than two results",
                                    enumeration = {"better", "worse", "unchanged"}, example = "worse") String verdict) {
    }

    /**
     * A patient's results of one instrument from {@code from} to {@code to} (default: the last 12 months to today),
     * oldest first, with the change since the first and since the previous result judged by the MCID.
     */
    @Transactional
    public TrendView trend(Caller caller, UUID patientId, Instrument instrument, LocalDate from, LocalDate to) {
        patients.authorized(caller, patientId, Action.READ);
        LocalDate end = to != null ? to : LocalDate.now(clock);
        LocalDate start = from != null ? from : end.minusMonths(DEFAULT_TREND_MONTHS);
        if (end.isBefore(start)) {
            throw ProblemException.badRequest("to", "must not be before from (" + start + ")");
        }
        if (start.isBefore(end.minusYears(MAX_TREND_YEARS))) {
            throw ProblemException.badRequest("from", "a trend covers at most " + MAX_TREND_YEARS
                    + " years: from must not be before " + end.minusYears(MAX_TREND_YEARS));
        }
        List<InstrumentTrend.Point> points = Questionnaire.<Questionnaire>find("patientId = ?1 and kind = ?2 "
                                + "and day between ?3 and ?4 order by day, recordedAt", patientId, instrument.id(), start, end)
                .stream().map(InstrumentService::view)
                .map(r -> new InstrumentTrend.Point(r.id(), r.day(), r.score(), r.band().code())).toList();
        InstrumentTrend.Summary summary = InstrumentTrend.of(instrument, points);
        audit.record(caller, AuditAction.QUESTIONNAIRE_READ, patientId, instrument.id() + " trend");
        Instrument.Mcid mcid = instrument.mcid();
        return new TrendView(instrument.id(), start, end, instrument.higherIsWorse(),
                mcid == null ? null : mcid.points(), mcid == null ? null : mcid.percent(),
                summary.results().stream().map(p -> new TrendResult(p.questionnaireId(), p.day(), p.score(), p.band()))
                        .toList(),
                TrendChange.of(summary.sinceFirst()), TrendChange.of(summary.sincePrevious()),
                summary.verdict() == null ? null : summary.verdict().code());
    }

    /** The current definition of an instrument; an unknown id is a 404 that lists the known ones. */
    public static Instrument instrument(String id) {
        return Instruments.current(id).orElseThrow(() -> new ProblemException(ProblemType.NOT_FOUND,
                "no questionnaire '" + id + "' is scored here; known: " + String.join(", ", Instruments.ids())
                        + " (and odi)"));
    }

    /** A stored result, read again with the definition version it was scored with. */
    private static InstrumentResult view(Questionnaire q) {
        Instrument definition = Instruments.version(q.kind, q.version).orElseThrow(() ->
                new IllegalStateException("questionnaire " + q.id + ": no definition " + q.kind + " v" + q.version));
        return view(q, definition.score(q.answers));
    }

    private static InstrumentResult view(Questionnaire q, InstrumentScore score) {
        List<SubscaleScore> subscales = score.subscales().entrySet().stream()
                .map(e -> new SubscaleScore(e.getKey(), e.getValue())).toList();
        return new InstrumentResult(q.id, q.kind, q.version, q.day, q.answers, score.answered(), score.total(),
                score.prorated(), subscales, new BandResult(score.band().code(), score.band().label()), score.flags());
    }
}
