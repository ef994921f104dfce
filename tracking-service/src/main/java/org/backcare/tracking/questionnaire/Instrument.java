package org.backcare.tracking.questionnaire;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * One version of a scored questionnaire (PHQ-9, STarT Back...): its items and the answers each accepts, how answers
 * become points, subscales, bands, the missing-item rule, flags on single items and the minimal clinically important
 * difference. Plain data with one algorithm, {@link #score}: the definitions themselves are in {@link Instruments}.
 *
 * @param id           the instrument's id in the API and in {@code questionnaire.kind}, e.g. {@code phq-9}
 * @param version      the version of this definition; stored with every result, bumped when items, scoring or bands
 *                     change so earlier results keep being read with the rules they were scored by
 * @param title        the instrument's name
 * @param prompt       the question stem shown above the items; {@code null} unless the text may be reproduced
 * @param answerLabels labels of the answers shared by every item (0 first); {@code null} unless they may be reproduced
 * @param items        the items in questionnaire order, numbered from 1
 * @param subscales    sums over some of the items; only for instruments that score nothing with items missing
 * @param bands        the bands, in order; every possible score falls in exactly one of them
 * @param missing      how many items may be left unanswered, and how the total is then computed
 * @param flags        single answers that matter on their own (PHQ-9 item 9)
 * @param mcid         the minimal clinically important difference, {@code null} where none is established
 * @param higherIsWorse whether a higher total means more of the problem (false for self-efficacy)
 * @param sources      where the scoring, bands, missing-item rule and MCID come from
 */
public record Instrument(String id, String version, String title, String prompt, List<String> answerLabels,
                         List<Item> items, List<Subscale> subscales, List<Band> bands, MissingItems missing,
                         List<Flag> flags, Mcid mcid, boolean higherIsWorse, List<String> sources) {

    /**
     * One item.
     *
     * @param number 1-based position in the questionnaire
     * @param min    the lowest answer accepted
     * @param max    the highest answer accepted
     * @param points the points each answer scores, indexed by {@code answer - min}; {@code null} when the answer is
     *               its own score
     * @param text   the item's wording; {@code null} for instruments whose texts are under copyright
     */
    public record Item(int number, int min, int max, List<Integer> points, String text) {

        public Item {
            if (number < 1 || min > max) {
                throw new IllegalArgumentException("item " + number + ": bad range " + min + ".." + max);
            }
            if (points != null && points.size() != max - min + 1) {
                throw new IllegalArgumentException("item " + number + ": one point value per answer is needed");
            }
            points = points == null ? null : List.copyOf(points);
        }

        static Item ranged(int number, int min, int max) {
            return new Item(number, min, max, null, null);
        }

        public int score(int answer) {
            return points == null ? answer : points.get(answer - min);
        }

        public int minPoints() {
            return points == null ? min : points.stream().mapToInt(Integer::intValue).min().orElseThrow();
        }

        public int maxPoints() {
            return points == null ? max : points.stream().mapToInt(Integer::intValue).max().orElseThrow();
        }
    }

    /** A sum over some items, e.g. the PCS rumination items 8-11. */
    public record Subscale(String code, String title, List<Integer> items) {

        public Subscale {
            items = List.copyOf(items);
        }
    }

    /**
     * A band: the total lies in {@code totalMin..totalMax} and, where {@code subscale} is set, that subscale in
     * {@code subscaleMin..subscaleMax} (STarT Back's high risk is a psychosocial subscale of 4 or 5).
     */
    public record Band(String code, String label, int totalMin, int totalMax, String subscale, Integer subscaleMin,
                       Integer subscaleMax) {

        static Band total(String code, String label, int min, int max) {
            return new Band(code, label, min, max, null, null, null);
        }

        boolean matches(int total, Map<String, Integer> subscales) {
            if (total < totalMin || total > totalMax) {
                return false;
            }
            if (subscale == null) {
                return true;
            }
            int value = subscales.get(subscale);
            return value >= subscaleMin && value <= subscaleMax;
        }
    }

    /**
     * The missing-item rule. With up to {@code maxMissing} items unanswered (and every item in {@code required}
     * answered) the total is prorated: the mean of the answered items stands in for each missing one, rounded half
     * up to a whole number ({@code sum × items / answered}). With more missing there is no score.
     *
     * @param rule what the rule is and where it comes from, for the API and for the refusal
     */
    public record MissingItems(int maxMissing, List<Integer> required, String rule) {

        public MissingItems {
            required = List.copyOf(required);
        }

        static MissingItems none(String rule) {
            return new MissingItems(0, List.of(), rule);
        }
    }

    /** Raised when item {@code item} is answered {@code minAnswer} or more, e.g. PHQ-9 item 9 (self-harm) above 0. */
    public record Flag(String code, int item, int minAnswer, String description) {
    }

    /**
     * The minimal clinically important difference, as points, as a percentage of the earlier score, or both.
     *
     * @param source where it was established
     */
    public record Mcid(BigDecimal points, Integer percent, String source) {
    }

    public Instrument {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(version, "version");
        items = List.copyOf(items);
        subscales = List.copyOf(subscales);
        bands = List.copyOf(bands);
        flags = List.copyOf(flags);
        sources = List.copyOf(sources);
        answerLabels = answerLabels == null ? null : List.copyOf(answerLabels);
        for (int i = 0; i < items.size(); i++) {
            if (items.get(i).number() != i + 1) {
                throw new IllegalArgumentException(id + ": items must be numbered 1.." + items.size() + " in order");
            }
        }
        if (missing.maxMissing() > 0 && !subscales.isEmpty()) {
            // A prorated total is defined, a prorated subscale of three or four items is not.
            throw new IllegalArgumentException(id + ": an instrument with subscales must be answered in full");
        }
        if (bands.isEmpty()) {
            throw new IllegalArgumentException(id + ": at least one band is needed");
        }
    }

    /** The lowest possible total. */
    public int minTotal() {
        return items.stream().mapToInt(Item::minPoints).sum();
    }

    /** The highest possible total. */
    public int maxTotal() {
        return items.stream().mapToInt(Item::maxPoints).sum();
    }

    /** Whether the item texts are bundled (only for instruments free to reproduce). */
    public boolean textsIncluded() {
        return items.stream().allMatch(item -> item.text() != null);
    }

    /**
     * Scores one completed questionnaire.
     *
     * @param answers one entry per item in questionnaire order: the answer, or {@code null} where the item was skipped
     * @throws AnswersRejected naming {@code answers} or the offending {@code answers[i]} when there is not one entry
     *                         per item, an answer is outside its item's range, or too many items (or a required one)
     *                         are unanswered
     */
    public InstrumentScore score(List<Integer> answers) {
        if (answers == null || answers.size() != items.size()) {
            throw new AnswersRejected("answers", "the " + title + " has " + items.size() + " items: send one answer per "
                    + "item (null for a skipped one), got " + (answers == null ? "none" : answers.size()));
        }
        List<Integer> unanswered = new ArrayList<>();
        int sum = 0;
        for (Item item : items) {
            Integer answer = answers.get(item.number() - 1);
            if (answer == null) {
                unanswered.add(item.number());
                continue;
            }
            if (answer < item.min() || answer > item.max()) {
                throw new AnswersRejected(field(item), "item " + item.number() + " of the " + title + " must be "
                        + item.min() + ".." + item.max() + ", was " + answer);
            }
            sum += item.score(answer);
        }
        for (int required : missing.required()) {
            if (unanswered.contains(required)) {
                throw new AnswersRejected(field(items.get(required - 1)), "item " + required + " of the " + title
                        + " must be answered (" + missing.rule() + ")");
            }
        }
        if (unanswered.size() > missing.maxMissing()) {
            throw new AnswersRejected("answers", "the " + title + " cannot be scored with item(s) " + unanswered
                    + " unanswered: " + (missing.maxMissing() == 0 ? "every item must be answered"
                    : "at most " + missing.maxMissing() + " may be missing") + " (" + missing.rule() + ")");
        }
        int answered = items.size() - unanswered.size();
        int total = unanswered.isEmpty() ? sum : BigDecimal.valueOf((long) sum * items.size())
                .divide(BigDecimal.valueOf(answered), 0, RoundingMode.HALF_UP).intValueExact();
        Map<String, Integer> subscaleScores = new LinkedHashMap<>();
        for (Subscale subscale : subscales) {
            int value = 0;
            for (int number : subscale.items()) {
                value += items.get(number - 1).score(answers.get(number - 1));
            }
            subscaleScores.put(subscale.code(), value);
        }
        Band band = band(total, subscaleScores);
        List<String> raised = new ArrayList<>();
        for (Flag flag : flags) {
            Integer answer = answers.get(flag.item() - 1);
            if (answer != null && answer >= flag.minAnswer()) {
                raised.add(flag.code());
            }
        }
        return new InstrumentScore(answered, sum, total, !unanswered.isEmpty(), subscaleScores, band, raised);
    }

    /** The one band a total (and subscale scores) falls in. */
    public Band band(int total, Map<String, Integer> subscaleScores) {
        List<Band> matching = bands.stream().filter(b -> b.matches(total, subscaleScores)).toList();
        if (matching.size() != 1) {
            throw new IllegalStateException(id + " v" + version + ": " + matching.size() + " bands for total " + total
                    + " and subscales " + subscaleScores);
        }
        return matching.get(0);
    }

    private static String field(Item item) {
        return "answers[" + (item.number() - 1) + "]";
    }
}
