package org.backcare.tracking.audit;

import org.backcare.platform.audit.Audited;

/** What was done with a patient's tracking data; reads count as well as changes. */
public enum AuditAction implements Audited {
    CHECK_IN_READ,
    CHECK_IN_RECORD,
    REPORT_RECORD,
    QUESTIONNAIRE_READ,
    QUESTIONNAIRE_RECORD,
    TIMELINE_READ,
    TREND_READ,
    ALERTS_READ,
    /** A FHIR read of one resource (GET /fhir/{type}/{id}). */
    FHIR_READ,
    /** A FHIR search (GET /fhir/{type}?...), for one patient or, for integrators and admins, across patients. */
    FHIR_SEARCH,
    /** A Bulk Data export kicked off by an integrator. */
    FHIR_EXPORT,
    /** An attempt the access rules refused (answered 403 or 404). */
    REFUSED
}
