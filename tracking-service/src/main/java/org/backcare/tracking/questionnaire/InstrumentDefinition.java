package org.backcare.tracking.questionnaire;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.math.BigDecimal;
import java.util.List;

/** An {@link Instrument} as {@code GET /questionnaires} lists it: everything a front end needs to ask and show it. */
@Schema(name = "InstrumentDefinition")
public record InstrumentDefinition(
        @Schema(description = "The id in /patients/{patientId}/questionnaires/{instrument}", example = "phq-9") String id,
        @Schema(description = "Version of the definition; each result records the one it was scored with", example = "1")
        String version,
        @Schema(example = "Patient Health Questionnaire (PHQ-9)") String title,
        @Schema(example = "9") int itemCount,
        @Schema(description = "Lowest possible score", example = "0") int minScore,
        @Schema(description = "Highest possible score", example = "27") int maxScore,
        @Schema(description = "Whether a higher score means more of the problem (false for self-efficacy)")
        boolean higherIsWorse,
        @Schema(description = "Whether item texts are included: only for instruments free to reproduce (PHQ-9, "
                + "GAD-7); the others are copyrighted and the front end supplies their texts")
        boolean textsIncluded,
        @Schema(description = "The question stem; only when texts are included",
                example = "Over the last 2 weeks, how often have you been bothered by any of the following problems?")
        String prompt,
        @Schema(description = "Labels of the answers every item shares, lowest first; only when texts are included",
                example = "[\"Not at all\", \"Several days\", \"More than half the days\", \"Nearly every day\"]")
        List<String> answerLabels,
        List<ItemView> items,
        List<SubscaleView> subscales,
        @Schema(description = "The bands, in order; every score falls in exactly one") List<BandView> bands,
        MissingItemsView missingItems,
        List<FlagView> flags,
        McidView mcid,
        @Schema(description = "Where the scoring, bands, missing-item rule and MCID come from") List<String> sources) {

    /** One item and the answers it accepts. */
    @Schema(name = "InstrumentItem")
    public record ItemView(@Schema(example = "1") int number,
                           @Schema(description = "Lowest answer accepted", example = "0") int min,
                           @Schema(description = "Highest answer accepted", example = "3") int max,
                           @Schema(description = "Points of each answer from min to max, where they differ from the "
                                   + "answer itself (STarT Back item 9: [0, 0, 0, 1, 1])") List<Integer> points,
                           @Schema(description = "The wording; only when texts are included",
                                   example = "Little interest or pleasure in doing things") String text) {
    }

    /** A sum over some items. */
    @Schema(name = "InstrumentSubscale")
    public record SubscaleView(@Schema(example = "rumination") String code, @Schema(example = "Rumination") String title,
                               @Schema(example = "[8, 9, 10, 11]") List<Integer> items) {
    }

    /** A band: the score in minScore..maxScore and, where subscale is set, that subscale in its range. */
    @Schema(name = "InstrumentBand")
    public record BandView(@Schema(example = "moderate") String code,
                           @Schema(example = "Moderate") String label,
                           @Schema(example = "10") int minScore,
                           @Schema(example = "14") int maxScore,
                           @Schema(description = "A subscale the band also depends on (STarT Back: psychosocial)")
                           String subscale,
                           Integer subscaleMin,
                           Integer subscaleMax) {
    }

    /** How many items may be skipped; the score is then prorated. */
    @Schema(name = "InstrumentMissingItems")
    public record MissingItemsView(@Schema(description = "How many items may be left unanswered", example = "2")
                                   int maxMissing,
                                   @Schema(description = "Items that must always be answered", example = "[9]")
                                   List<Integer> required,
                                   @Schema(description = "The rule and its source") String rule) {
    }

    /** A single answer that matters on its own. */
    @Schema(name = "InstrumentFlag")
    public record FlagView(@Schema(example = "self-harm") String code,
                           @Schema(example = "9") int item,
                           @Schema(description = "Raised when the item is answered this or higher", example = "1")
                           int minAnswer,
                           String description) {
    }

    /** The minimal clinically important difference, in points, as a percentage of the earlier score, or both. */
    @Schema(name = "InstrumentMcid", description = "Minimal clinically important difference, in points, as a "
            + "percentage of the earlier score, or both; absent where none is established")
    public record McidView(@Schema(example = "5") BigDecimal points,
                           @Schema(description = "A change of this percentage of the earlier score (PCS: 38)")
                           Integer percent,
                           String source) {
    }

    public static InstrumentDefinition of(Instrument i) {
        return new InstrumentDefinition(i.id(), i.version(), i.title(), i.items().size(), i.minTotal(), i.maxTotal(),
                i.higherIsWorse(), i.textsIncluded(), i.prompt(), i.answerLabels(),
                i.items().stream().map(item -> new ItemView(item.number(), item.min(), item.max(), item.points(),
                        item.text())).toList(),
                i.subscales().stream().map(s -> new SubscaleView(s.code(), s.title(), s.items())).toList(),
                i.bands().stream().map(b -> new BandView(b.code(), b.label(), b.totalMin(), b.totalMax(), b.subscale(),
                        b.subscaleMin(), b.subscaleMax())).toList(),
                new MissingItemsView(i.missing().maxMissing(), i.missing().required(), i.missing().rule()),
                i.flags().stream().map(f -> new FlagView(f.code(), f.item(), f.minAnswer(), f.description())).toList(),
                i.mcid() == null ? null : new McidView(i.mcid().points(), i.mcid().percent(), i.mcid().source()),
                i.sources());
    }
}
