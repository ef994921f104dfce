package org.backcare.patient.export;

/** Where a Bulk Data export job stands. ACCEPTED and RUNNING are "in progress" (one per integrator at a time). */
public enum ExportStatus {
    ACCEPTED,
    RUNNING,
    COMPLETED,
    FAILED,
    /** Deleted by its integrator; its files are gone. */
    CANCELLED,
    /** Past the retention period; its files are gone. */
    EXPIRED
}
