package org.backcare.tracking.trend;

/**
 * How a patient is doing over a window compared with the baseline, judged by the minimal clinically important
 * difference (MCID) of pain and of the Oswestry Disability Index.
 */
public enum Verdict {
    /** Pain or disability is lower than at baseline by at least the MCID, and neither is higher by the MCID. */
    IMPROVING,
    /** Neither pain nor disability moved by the MCID. */
    STABLE,
    /** Pain or disability is higher than at baseline by at least the MCID (wins over an improvement: safety first). */
    WORSENING,
    /** Fewer than 3 days with a pain score in the window, or no baseline to compare with. */
    INSUFFICIENT_DATA
}
