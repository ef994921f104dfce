package org.backcare.plan.audit;

import org.backcare.platform.audit.Audited;

/** What was done with a patient's plan; reads count as well as changes. */
public enum AuditAction implements Audited {
    PLAN_READ,
    PLAN_LIST,
    PLAN_CREATE,
    PLAN_UPDATE,
    PLAN_STATUS,
    SECTION_READ,
    SECTION_UPDATE,
    REVISION_READ,
    TODAY_READ,
    /** Clinical notes: a note read, a patient's notes listed, a note's history read, written, amended. */
    NOTE_READ,
    NOTE_LIST,
    NOTE_VERSIONS_READ,
    NOTE_CREATE,
    NOTE_AMEND,
    /** A FHIR read (GET /fhir/{type}/{id}). */
    FHIR_READ,
    /** A FHIR search (GET /fhir/{type}); the patient when one was named. */
    FHIR_SEARCH,
    /** A Bulk Data export kick-off, cancellation or file download. */
    FHIR_EXPORT,
    /** An attempt the access rules refused (answered 403 or 404). */
    REFUSED
}
