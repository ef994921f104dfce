package org.backcare.patient.stratification;

/**
 * "A patient whose latest STarT Back stratum is high and whose care team has no psychologist: the physicians on the
 * team are told, once per episode." An episode ends when the stratum drops below high or a psychologist joins; a
 * psychologist leaving while the stratum is still high starts a new one. Pure: the caller supplies the facts and
 * keeps the episode.
 */
public final class PsychologyReferralRule {

    /** What to do with the patient's episode. */
    public enum Decision {
        /** A new episode: tell the physicians. */
        OPEN,
        /** The episode is over: nothing to tell, the next one may be told again. */
        CLOSE,
        /** Nothing changes. */
        KEEP
    }

    public static final String MESSAGE = "STarT Back high risk and no psychologist on the care team: consider a referral";

    private PsychologyReferralRule() {
    }

    /**
     * @param stratum            the latest STarT Back stratum, null if none
     * @param psychologistOnTeam whether the care team has a psychologist
     * @param discharged         whether the patient was discharged (no one is referred any more)
     * @param episodeOpen        whether an episode is open now
     */
    public static Decision decide(String stratum, boolean psychologistOnTeam, boolean discharged, boolean episodeOpen) {
        boolean needed = RiskStratum.HIGH.equals(stratum) && !psychologistOnTeam && !discharged;
        if (needed && !episodeOpen) {
            return Decision.OPEN;
        }
        if (!needed && episodeOpen) {
            return Decision.CLOSE;
        }
        return Decision.KEEP;
    }
}
