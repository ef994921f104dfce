package org.backcare.platform.export;

import org.backcare.platform.audit.Audited;

import java.util.List;

/**
 * What a service exports: the one bean a service writes to take part in Bulk Data export. Everything else (the
 * endpoints, the jobs, the worker, the files) is this library's.
 */
public interface ExportSource {

    /** The FHIR resource types this service exports, in export order. */
    List<String> types();

    /** The audit action of kick-offs, cancellations and downloads. */
    Audited auditAction();

    /**
     * Streams every resource in scope into the sink, from forward-only cursors, clearing the persistence context
     * every {@link ExportScope#fetchSize()} rows so that memory does not grow with the export. Called in a
     * transaction of its own (backcare.export.run-timeout); an exception fails the export.
     */
    void export(ExportScope scope, ExportSink sink);
}
