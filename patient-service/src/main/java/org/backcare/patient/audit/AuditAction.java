package org.backcare.patient.audit;

import org.backcare.platform.audit.Audited;

/** What was done to a patient record; every read counts, not only changes. */
public enum AuditAction implements Audited {
    READ,
    LIST,
    REGISTER,
    UPDATE,
    DISCHARGE,
    CARE_TEAM_READ,
    CARE_TEAM_ADD,
    CARE_TEAM_REMOVE,
    SCREENING_READ,
    SCREENING_RECORD,
    URGENT_REVIEW_RESOLVE,
    /** A FHIR Bulk Data export started, or one of its files downloaded (patient-independent). */
    EXPORT,
    /** An attempt the access rules refused (answered 403 or 404). */
    REFUSED
}
