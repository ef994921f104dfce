package org.backcare.tracking.fhir;

import org.backcare.platform.fhir.FhirOpenApi;
import org.backcare.platform.fhir.FhirCallers;
import org.backcare.platform.fhir.Fhir;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.EntityTag;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.ParameterIn;
import org.eclipse.microprofile.openapi.annotations.extensions.Extension;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.hl7.fhir.r4.model.Resource;

/**
 * FHIR R4 for EHRs: read and search Observation (pain, sleep, mood, function, stress, ODI and instrument scores),
 * QuestionnaireResponse (ODI and instruments), MedicationStatement (intake log) and RiskAssessment (STarT Back). The
 * CapabilityStatement is platform-fhir's (from TrackingFhirServer); Bulk Data $export is platform/export's
 * (TrackingExportSource says what goes into it).
 */
@Path("/fhir")
@Tag(name = "FHIR", description = "FHIR R4 read/search API (application/fhir+json)")
@Produces({Fhir.JSON, MediaType.APPLICATION_JSON})
public class FhirResource {

    private final FhirApi api;
    private final FhirCallers callers;

    public FhirResource(FhirApi api, FhirCallers callers) {
        this.api = api;
        this.callers = callers;
    }

    @SecurityRequirement(name = "SecurityScheme")
    @APIResponse(responseCode = "401", description = "No or invalid access token (OperationOutcome)", content = @Content(mediaType = Fhir.JSON))
    @GET
    @Path("/{type}")
    @Operation(operationId = "searchFhir", summary = "Search Observation, QuestionnaireResponse, MedicationStatement or RiskAssessment",
            description = "Parameters patient, date, _lastUpdated (prefixes eq, gt, ge, lt, le), _count (default 50, at "
                    + "most 500) and _offset; Observation also code (system|code or the code). Without patient: "
                    + "integrators and admins only. A Bundle searchset with total and self/next links; errors are "
                    + "OperationOutcome. CodeSystem and Questionnaire (BackCare's own, for any caller) are searched by "
                    + "url and _id.")
    @APIResponse(responseCode = "200", description = "Bundle searchset", content = @Content(mediaType = Fhir.JSON, schema = @Schema(type = org.eclipse.microprofile.openapi.annotations.enums.SchemaType.OBJECT)))
    @APIResponse(responseCode = "400", description = "Bad parameter (OperationOutcome)", content = @Content(mediaType = Fhir.JSON, schema = @Schema(type = org.eclipse.microprofile.openapi.annotations.enums.SchemaType.OBJECT)))
    @APIResponse(responseCode = "403", description = "Search across patients without the integrator role (OperationOutcome)", content = @Content(mediaType = Fhir.JSON, schema = @Schema(type = org.eclipse.microprofile.openapi.annotations.enums.SchemaType.OBJECT)))
    @APIResponse(responseCode = "404", description = "Unknown type, or patient not visible (OperationOutcome)", content = @Content(mediaType = Fhir.JSON, schema = @Schema(type = org.eclipse.microprofile.openapi.annotations.enums.SchemaType.OBJECT)))
    @Extension(name = FhirOpenApi.SEARCH_PARAMETERS, value = "FhirPatient,FhirDate,FhirLastUpdated,FhirCount,FhirOffset,FhirUrl")
    // Observation's alone, so declared here rather than among platform-fhir's shared parameters.
    @Parameter(name = "code", in = ParameterIn.QUERY, description = "Observation only: an Observation.code as "
            + "system|code or the code alone; comma-separated for any of several", example = "http://loinc.org|44261-6",
            schema = @Schema(type = org.eclipse.microprofile.openapi.annotations.enums.SchemaType.STRING))
    public Response search(@PathParam("type") @Parameter(schema = @Schema(enumeration = {"Observation",
                                   "QuestionnaireResponse", "MedicationStatement", "RiskAssessment", "CodeSystem",
                                   "Questionnaire"})) String type,
                           UriInfo uri) {
        return Response.ok(api.search(callers.authenticated(), type, uri)).type(Fhir.JSON).build();
    }

    @SecurityRequirement(name = "SecurityScheme")
    @APIResponse(responseCode = "401", description = "No or invalid access token (OperationOutcome)", content = @Content(mediaType = Fhir.JSON))
    @GET
    @Path("/{type}/{id}")
    @Operation(operationId = "readFhir", summary = "Read one resource", description = "ETag W/\"version\" and meta.versionId/lastUpdated. "
            + "Also CodeSystem/tracking and Questionnaire/odi, phq-9, gad-7, start-back, pcs, tsk-11 and pseq, which any "
            + "authenticated caller may read.")
    @APIResponse(responseCode = "200", description = "The resource", headers = @Header(name = "ETag", description = "W/\"versionId\""), content = @Content(mediaType = Fhir.JSON, schema = @Schema(type = org.eclipse.microprofile.openapi.annotations.enums.SchemaType.OBJECT)))
    @APIResponse(responseCode = "404", description = "Unknown, or its patient is not visible (OperationOutcome)", content = @Content(mediaType = Fhir.JSON, schema = @Schema(type = org.eclipse.microprofile.openapi.annotations.enums.SchemaType.OBJECT)))
    public Response read(@PathParam("type") String type, @PathParam("id") String id) {
        Resource resource = api.read(callers.authenticated(), type, id);
        return Response.ok(resource).type(Fhir.JSON)
                .tag(new EntityTag(resource.getMeta().getVersionId(), true))
                .lastModified(resource.getMeta().getLastUpdated())
                .build();
    }
}
