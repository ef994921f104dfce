package org.backcare.plan.export;

import com.fasterxml.jackson.annotation.JsonInclude;

import java.util.List;

/** The Bulk Data complete-status manifest (not a FHIR resource: plain JSON as the Bulk Data IG defines it). */
public record ExportManifest(String transactionTime, String request, boolean requiresAccessToken, List<Item> output,
                             List<Item> error) {

    /** One file: the resource type, where to download it and how many resources it holds. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Item(String type, String url, Long count) {
    }
}
