package org.backcare.platform.export;

import org.hl7.fhir.r4.model.Resource;

/**
 * Where an {@link ExportSource} puts its resources. Each goes into the NDJSON file of its type (resources of a type
 * the export did not ask for are dropped); every fetch-size resources the sink records the progress, renews the
 * run's lease and stops the source (by throwing) when the job was cancelled or taken over.
 */
public interface ExportSink {

    void accept(Resource resource);
}
