package org.backcare.tracking.audit;

/** What was done with a patient's tracking data; reads count as well as changes. */
public enum AuditAction {
    CHECK_IN_READ,
    CHECK_IN_RECORD,
    REPORT_RECORD,
    QUESTIONNAIRE_READ,
    QUESTIONNAIRE_RECORD,
    TIMELINE_READ,
    TREND_READ,
    ALERTS_READ,
    /** An attempt the access rules refused (answered 403 or 404). */
    REFUSED
}
