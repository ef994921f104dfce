package org.backcare.platform.export;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.util.List;

/** The Bulk Data complete-status manifest (plain JSON as the Bulk Data IG defines it, not a FHIR resource). */
@Schema(name = "ExportManifest")
public record ExportManifest(String transactionTime, String request, boolean requiresAccessToken, List<Item> output,
                             List<Item> error) {

    /** One file: the resource type, where to download it and how many resources it holds. */
    @Schema(name = "ExportManifestFile")
    public record Item(String type, String url, long count) {
    }

    /** The manifest of a completed job, its file URLs on the FHIR base the client called. */
    public static ExportManifest of(ExportJob job, String fhirBase) {
        List<Item> output = job.outputs.stream()
                .map(f -> new Item(f.type(), fhirBase + "/$export-file/" + job.id + "/" + f.fileName(), f.count()))
                .toList();
        return new ExportManifest(job.transactionTime.toString(), job.request, true, output, List.of());
    }
}
