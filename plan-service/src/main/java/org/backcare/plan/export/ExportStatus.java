package org.backcare.plan.export;

/** The life of an export job: queued until the worker claims it, then running, then one of the three ends. */
public enum ExportStatus {
    QUEUED,
    RUNNING,
    COMPLETED,
    FAILED,
    CANCELLED;

    public boolean open() {
        return this == QUEUED || this == RUNNING;
    }
}
