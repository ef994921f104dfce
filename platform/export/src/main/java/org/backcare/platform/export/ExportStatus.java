package org.backcare.platform.export;

/** Where a Bulk Data export stands. QUEUED and RUNNING are "in progress": one at a time per integrator. */
public enum ExportStatus {
    QUEUED,
    RUNNING,
    COMPLETED,
    FAILED,
    /** Deleted by its integrator; its files are gone and it answers 404. */
    CANCELLED,
    /** Finished longer than backcare.export.retention ago; its files are gone and it answers 404. */
    EXPIRED;

    public boolean inProgress() {
        return this == QUEUED || this == RUNNING;
    }
}
