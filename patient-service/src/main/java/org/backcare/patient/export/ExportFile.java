package org.backcare.patient.export;

import jakarta.persistence.Embeddable;

/** One NDJSON file an export wrote: one per resource type that had any resources. */
@Embeddable
public class ExportFile {

    public String resourceType;
    public String fileName;
    public long resourceCount;

    public ExportFile() {
    }

    public ExportFile(String resourceType, String fileName, long resourceCount) {
        this.resourceType = resourceType;
        this.fileName = fileName;
        this.resourceCount = resourceCount;
    }
}
