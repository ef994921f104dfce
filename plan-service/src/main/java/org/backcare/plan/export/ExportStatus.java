package org.backcare.plan.export;

/** The life of an export job: queued until the worker claims it, then running, then one of the ends. */
public enum ExportStatus {
    QUEUED,
    RUNNING,
    COMPLETED,
    FAILED,
    CANCELLED,
    /** Finished longer ago than backcare.export.retention: its files were deleted. */
    EXPIRED;

    public boolean open() {
        return this == QUEUED || this == RUNNING;
    }
}
