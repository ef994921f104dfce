package org.backcare.plan.audit;

/** What was done with a patient's plan; reads count as well as changes. */
public enum AuditAction {
    PLAN_READ,
    PLAN_LIST,
    PLAN_CREATE,
    PLAN_UPDATE,
    PLAN_STATUS,
    SECTION_READ,
    SECTION_UPDATE,
    REVISION_READ,
    TODAY_READ,
    /** An attempt the access rules refused (answered 403 or 404). */
    REFUSED
}
