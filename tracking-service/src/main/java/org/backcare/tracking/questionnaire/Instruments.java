package org.backcare.tracking.questionnaire;

import org.backcare.tracking.questionnaire.Instrument.Band;
import org.backcare.tracking.questionnaire.Instrument.Flag;
import org.backcare.tracking.questionnaire.Instrument.Item;
import org.backcare.tracking.questionnaire.Instrument.Mcid;
import org.backcare.tracking.questionnaire.Instrument.MissingItems;
import org.backcare.tracking.questionnaire.Instrument.Subscale;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.IntStream;

/**
 * The psychological and screening instruments BackCare scores, each a versioned {@link Instrument}, with the sources
 * of its scoring, bands, missing-item rule and MCID. Item texts are bundled only for the PHQ-9 and GAD-7, which are
 * free to reproduce; the others are copyrighted and their texts come from the front end under the clinic's licence.
 * <p>
 * The Oswestry Disability Index is not here: it keeps its own percentage scoring, baseline and endpoints
 * ({@link Odi}).
 */
public final class Instruments {

    public static final String START_BACK = "start-back";
    public static final String PHQ_9 = "phq-9";
    public static final String GAD_7 = "gad-7";
    public static final String PCS = "pcs";
    public static final String TSK_11 = "tsk-11";
    public static final String PSEQ = "pseq";

    /** The "over the last 2 weeks" frequency scale of the PHQ-9 and GAD-7, 0-3. */
    private static final List<String> FREQUENCY = List.of("Not at all", "Several days", "More than half the days",
            "Nearly every day");

    /**
     * Keele STarT Back Screening Tool (9-item). Items 1-8 agree = 1, disagree = 0; item 9 (bothersomeness, answered
     * 0 "not at all", 1 "slightly", 2 "moderately", 3 "very much", 4 "extremely") scores 1 for "very much" or
     * "extremely" only. Total 0-9; psychosocial subscale items 5-9 (0-5). Total 3 or less: low risk; otherwise a
     * subscale of 4 or more: high risk, else medium. (Hill JC, Dunn KM, Lewis M, Mullis R, Main CJ, Foster NE, Hay EM.
     * A primary care back pain screening tool: identifying patient subgroups for initial treatment. Arthritis Rheum
     * 2008;59(5):632-641; scoring sheet of Keele University, https://www.keele.ac.uk/sbst/.) Neither gives a
     * missing-item rule, and one item can move a patient across a stratum: all nine must be answered. No MCID: what
     * changes care is the stratum.
     */
    static final Instrument START_BACK_V1 = new Instrument(START_BACK, "1", "STarT Back Screening Tool", null, null,
            concat(IntStream.rangeClosed(1, 8).mapToObj(n -> Item.ranged(n, 0, 1)).toList(),
                    List.of(new Item(9, 0, 4, List.of(0, 0, 0, 1, 1), null))),
            List.of(new Subscale("psychosocial", "Psychosocial (items 5-9)", List.of(5, 6, 7, 8, 9))),
            List.of(Band.total("low", "Low risk", 0, 3),
                    new Band("medium", "Medium risk", 4, 9, "psychosocial", 0, 3),
                    new Band("high", "High risk", 4, 9, "psychosocial", 4, 5)),
            MissingItems.none("the STarT Back scoring (Hill et al. 2008; Keele University) has no missing-item rule"),
            List.of(), null, true,
            List.of("Hill JC et al. Arthritis Rheum 2008;59(5):632-641",
                    "Keele University, STarT Back scoring, https://www.keele.ac.uk/sbst/"));

    /**
     * PHQ-9: 9 items 0-3, total 0-27; minimal 0-4, mild 5-9, moderate 10-14, moderately severe 15-19, severe 20-27
     * (Kroenke K, Spitzer RL, Williams JBW. The PHQ-9: validity of a brief depression severity measure. J Gen Intern
     * Med 2001;16(9):606-613). Missing items: with one or two missing, each is replaced by the mean of the answered
     * items; with more the questionnaire is not scored (NHS Data Dictionary, "Patient Health Questionnaire-9").
     * Item 9 (thoughts of being better off dead or of self-harm) must always be answered, a BackCare rule: it is
     * flagged on any answer above 0, and a prorated guess cannot stand in for it. MCID 5 points (Löwe B, Unützer J,
     * Callahan CM, Perkins AJ, Kroenke K. Monitoring depression treatment outcomes with the Patient Health
     * Questionnaire-9. Med Care 2004;42(12):1194-1201). Free to reproduce (Pfizer: no permission required).
     */
    static final Instrument PHQ_9_V1 = new Instrument(PHQ_9, "1", "Patient Health Questionnaire (PHQ-9)",
            "Over the last 2 weeks, how often have you been bothered by any of the following problems?", FREQUENCY,
            texts(0, 3,
                    "Little interest or pleasure in doing things",
                    "Feeling down, depressed, or hopeless",
                    "Trouble falling or staying asleep, or sleeping too much",
                    "Feeling tired or having little energy",
                    "Poor appetite or overeating",
                    "Feeling bad about yourself - or that you are a failure or have let yourself or your family down",
                    "Trouble concentrating on things, such as reading the newspaper or watching television",
                    "Moving or speaking so slowly that other people could have noticed? Or the opposite - being so "
                            + "fidgety or restless that you have been moving around a lot more than usual",
                    "Thoughts that you would be better off dead or of hurting yourself in some way"),
            List.of(),
            List.of(Band.total("minimal", "Minimal", 0, 4),
                    Band.total("mild", "Mild", 5, 9),
                    Band.total("moderate", "Moderate", 10, 14),
                    Band.total("moderately-severe", "Moderately severe", 15, 19),
                    Band.total("severe", "Severe", 20, 27)),
            new MissingItems(2, List.of(9), "up to 2 missing items are replaced by the mean of the answered ones "
                    + "(NHS Data Dictionary, Patient Health Questionnaire-9); item 9 is always required"),
            List.of(new Flag("self-harm", 9, 1, "Item 9 (thoughts of being better off dead or of self-harm) "
                    + "answered above 0")),
            new Mcid(BigDecimal.valueOf(5), null, "Löwe B et al. Med Care 2004;42(12):1194-1201"), true,
            List.of("Kroenke K, Spitzer RL, Williams JBW. J Gen Intern Med 2001;16(9):606-613",
                    "NHS Data Dictionary, Patient Health Questionnaire-9 (missing items)",
                    "Löwe B et al. Med Care 2004;42(12):1194-1201 (MCID)"));

    /**
     * GAD-7: 7 items 0-3, total 0-21; minimal 0-4, mild 5-9, moderate 10-14, severe 15-21 (Spitzer RL, Kroenke K,
     * Williams JBW, Löwe B. A brief measure for assessing generalized anxiety disorder: the GAD-7. Arch Intern Med
     * 2006;166(10):1092-1097). Missing items: no rule is published with the GAD-7; BackCare applies the PHQ-9's
     * (NHS Data Dictionary: up to 2 of 9, about a fifth) to 7 items: one missing item is replaced by the mean of the
     * other six, with two or more the questionnaire is not scored. MCID 4 points (Toussaint A, Hüsing P, Gumz A,
     * Wingenfeld K, Härter M, Schramm E, Löwe B. Sensitivity to change and minimal clinically important difference of
     * the 7-item Generalized Anxiety Disorder Questionnaire (GAD-7). J Affect Disord 2020;265:395-401). Free to
     * reproduce.
     */
    static final Instrument GAD_7_V1 = new Instrument(GAD_7, "1", "Generalized Anxiety Disorder scale (GAD-7)",
            "Over the last 2 weeks, how often have you been bothered by the following problems?", FREQUENCY,
            texts(0, 3,
                    "Feeling nervous, anxious, or on edge",
                    "Not being able to stop or control worrying",
                    "Worrying too much about different things",
                    "Trouble relaxing",
                    "Being so restless that it is hard to sit still",
                    "Becoming easily annoyed or irritable",
                    "Feeling afraid as if something awful might happen"),
            List.of(),
            List.of(Band.total("minimal", "Minimal", 0, 4),
                    Band.total("mild", "Mild", 5, 9),
                    Band.total("moderate", "Moderate", 10, 14),
                    Band.total("severe", "Severe", 15, 21)),
            new MissingItems(1, List.of(), "1 missing item is replaced by the mean of the answered ones (BackCare: the "
                    + "PHQ-9 rule of the NHS Data Dictionary applied to 7 items; the GAD-7 publishes none)"),
            List.of(),
            new Mcid(BigDecimal.valueOf(4), null, "Toussaint A et al. J Affect Disord 2020;265:395-401"), true,
            List.of("Spitzer RL, Kroenke K, Williams JBW, Löwe B. Arch Intern Med 2006;166(10):1092-1097",
                    "Toussaint A et al. J Affect Disord 2020;265:395-401 (MCID)"));

    /**
     * Pain Catastrophizing Scale: 13 items 0-4, total 0-52; rumination items 8-11 (0-16), magnification 6, 7 and 13
     * (0-12), helplessness 1-5 and 12 (0-24); a total of 30 or more is clinically relevant catastrophizing (Sullivan
     * MJL, Bishop SR, Pivik J. The Pain Catastrophizing Scale: development and validation. Psychol Assess
     * 1995;7(4):524-532; Sullivan MJL, The Pain Catastrophizing Scale: User Manual, McGill University 2009, where 30
     * is the 75th percentile of chronic pain patients). The manual gives no missing-item rule and the subscales have
     * three to six items: all 13 must be answered. MCID: a reduction of 38 % (Scott W, Wideman TH, Sullivan MJL.
     * Clinically meaningful scores on pain catastrophizing before and after multidisciplinary rehabilitation. Clin J
     * Pain 2014;30(3):183-190). Copyrighted: no texts.
     */
    static final Instrument PCS_V1 = new Instrument(PCS, "1", "Pain Catastrophizing Scale (PCS)", null, null,
            ranged(13, 0, 4),
            List.of(new Subscale("rumination", "Rumination", List.of(8, 9, 10, 11)),
                    new Subscale("magnification", "Magnification", List.of(6, 7, 13)),
                    new Subscale("helplessness", "Helplessness", List.of(1, 2, 3, 4, 5, 12))),
            List.of(Band.total("not-clinically-relevant", "Below the clinical threshold", 0, 29),
                    Band.total("clinically-relevant", "Clinically relevant catastrophizing", 30, 52)),
            MissingItems.none("the PCS User Manual (Sullivan 2009) has no missing-item rule"),
            List.of(),
            new Mcid(null, 38, "Scott W, Wideman TH, Sullivan MJL. Clin J Pain 2014;30(3):183-190"), true,
            List.of("Sullivan MJL, Bishop SR, Pivik J. Psychol Assess 1995;7(4):524-532",
                    "Sullivan MJL. The Pain Catastrophizing Scale: User Manual. McGill University, 2009",
                    "Scott W, Wideman TH, Sullivan MJL. Clin J Pain 2014;30(3):183-190 (MCID)"));

    /**
     * Tampa Scale for Kinesiophobia, 11 items: each 1 (strongly disagree) to 4 (strongly agree), none reversed,
     * total 11-44; MCID a change of 4 points (Woby SR, Roach NK, Urmston M, Watson PJ. Psychometric properties of the
     * TSK-11: a shortened version of the Tampa Scale for Kinesiophobia. Pain 2005;117(1-2):137-144). Bands: minimal
     * 11-22, low 23-28, moderate 29-35, high 36-44, as validated for the TSK-11 by Chimenti RL et al., Front Pain Res
     * 2021;2:739051 (in Achilles tendinopathy; no back-pain-specific TSK-11 cut-off was found). "High" is 36 or more.
     * Woby et al. give no missing-item rule: all 11 must be answered. Copyrighted: no texts.
     */
    static final Instrument TSK_11_V1 = new Instrument(TSK_11, "1", "Tampa Scale for Kinesiophobia (TSK-11)", null,
            null, ranged(11, 1, 4),
            List.of(),
            List.of(Band.total("minimal", "Minimal", 11, 22),
                    Band.total("low", "Low", 23, 28),
                    Band.total("moderate", "Moderate", 29, 35),
                    Band.total("high", "High", 36, 44)),
            MissingItems.none("Woby et al. 2005 give no missing-item rule for the TSK-11"),
            List.of(),
            new Mcid(BigDecimal.valueOf(4), null, "Woby SR et al. Pain 2005;117(1-2):137-144"), true,
            List.of("Woby SR, Roach NK, Urmston M, Watson PJ. Pain 2005;117(1-2):137-144",
                    "Chimenti RL et al. Front Pain Res 2021;2:739051 (severity bands)"));

    /**
     * Pain Self-Efficacy Questionnaire: 10 items 0 (not at all confident) to 6 (completely confident), total 0-60,
     * higher is better (Nicholas MK. The pain self-efficacy questionnaire: taking pain into account. Eur J Pain
     * 2007;11(2):153-163). Bands as in the reference manual of the Electronic Persistent Pain Outcomes Collaboration
     * (ePPOC): severe 0-19, moderate 20-30, mild 31-40, minimal 41-60 (of impaired self-efficacy). MCID 5.5 points
     * in chronic low back pain (Maughan EF, Lewis JS. Outcome measures in chronic low back pain. Eur Spine J
     * 2010;19(9):1484-1494; 5.5-8.5 across studies: Dubé MO, Langevin P, Roy JS. Pain Rep 2021;6(4):e972). No
     * missing-item rule is given by Nicholas 2007: all 10 must be answered. Copyrighted: no texts.
     */
    static final Instrument PSEQ_V1 = new Instrument(PSEQ, "1", "Pain Self-Efficacy Questionnaire (PSEQ)", null, null,
            ranged(10, 0, 6),
            List.of(),
            List.of(Band.total("severe", "Severely low self-efficacy", 0, 19),
                    Band.total("moderate", "Moderately low self-efficacy", 20, 30),
                    Band.total("mild", "Mildly low self-efficacy", 31, 40),
                    Band.total("minimal", "Minimal impairment of self-efficacy", 41, 60)),
            MissingItems.none("Nicholas 2007 gives no missing-item rule for the PSEQ"),
            List.of(),
            new Mcid(new BigDecimal("5.5"), null, "Maughan EF, Lewis JS. Eur Spine J 2010;19(9):1484-1494"), false,
            List.of("Nicholas MK. Eur J Pain 2007;11(2):153-163",
                    "ePPOC (Electronic Persistent Pain Outcomes Collaboration) reference manual (severity bands)",
                    "Maughan EF, Lewis JS. Eur Spine J 2010;19(9):1484-1494 (MCID)",
                    "Dubé MO, Langevin P, Roy JS. Pain Rep 2021;6(4):e972"));

    /** Every definition, every version; the current version of an instrument is its last one here. */
    private static final List<Instrument> ALL = List.of(START_BACK_V1, PHQ_9_V1, GAD_7_V1, PCS_V1, TSK_11_V1, PSEQ_V1);

    private Instruments() {
    }

    /** The current version of every instrument, in catalogue order. */
    public static List<Instrument> current() {
        Map<String, Instrument> current = new LinkedHashMap<>();
        ALL.forEach(instrument -> current.put(instrument.id(), instrument));
        return List.copyOf(current.values());
    }

    /** Every definition, every version, in catalogue order: what stored results may have been scored with. */
    public static List<Instrument> all() {
        return ALL;
    }

    /** The ids of the instruments, in catalogue order. */
    public static List<String> ids() {
        return current().stream().map(Instrument::id).toList();
    }

    /** The current version of an instrument. */
    public static Optional<Instrument> current(String id) {
        return current().stream().filter(i -> i.id().equals(id)).findFirst();
    }

    /** The version a stored result was scored with. */
    public static Optional<Instrument> version(String id, String version) {
        return ALL.stream().filter(i -> i.id().equals(id) && i.version().equals(version)).findFirst();
    }

    private static List<Item> ranged(int count, int min, int max) {
        return IntStream.rangeClosed(1, count).mapToObj(n -> Item.ranged(n, min, max)).toList();
    }

    private static List<Item> texts(int min, int max, String... texts) {
        return IntStream.range(0, texts.length).mapToObj(i -> new Item(i + 1, min, max, null, texts[i])).toList();
    }

    private static <T> List<T> concat(List<T> a, List<T> b) {
        List<T> all = new ArrayList<>(a);
        all.addAll(b);
        return all;
    }
}
