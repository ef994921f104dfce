package org.backcare.patient.fhir;

import org.backcare.platform.fhir.FhirOpenApi;
import org.backcare.platform.access.Role;
import java.util.Set;
import org.backcare.platform.fhir.FhirCallers;
import org.backcare.platform.fhir.Fhir;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.backcare.patient.fhir.FhirMapper.Type;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.extensions.Extension;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.hl7.fhir.r4.model.Bundle;

/**
 * The FHIR R4 read API of patient-service: Patient, CareTeam and Flag by id and by search (the CapabilityStatement
 * is platform-fhir's, from PatientFhirServer; Bulk Data export is platform/export's BulkExportResource). Answers
 * application/fhir+json; errors are OperationOutcome.
 */
@Path(Fhir.ROOT)
@Produces({Fhir.JSON, MediaType.APPLICATION_JSON})
@Tag(name = "FHIR", description = "FHIR R4 views of patients, care teams and urgent-review flags")
public class FhirResource {

    /** The roles that may use the FHIR read and search API (each within its usual access rules). */
    private static final Set<String> READERS = Set.of(Role.PATIENT, Role.PHYSICIAN, Role.PHYSICAL_THERAPIST,
            Role.PSYCHOLOGIST, Role.ADMIN, Role.INTEGRATOR);

    private final FhirService fhir;
    private final FhirCallers callers;
    public FhirResource(FhirService fhir, FhirCallers callers) {
        this.fhir = fhir;
        this.callers = callers;
    }

    @SecurityRequirement(name = "SecurityScheme")
    @GET
    @Path("Patient/{id}")
    @Operation(operationId = "readFhirPatient", summary = "Read a FHIR Patient")
    @APIResponse(responseCode = "200", description = "The Patient", headers = @Header(name = "ETag", description = "W/\"versionId\""), content = @Content(mediaType = Fhir.JSON))
    @APIResponse(responseCode = "304", description = "Unchanged since the ETag in If-None-Match")
    @APIResponse(responseCode = "401", description = "No or invalid access token", content = @Content(mediaType = Fhir.JSON))
    @APIResponse(responseCode = "404", description = "Unknown, or not visible to the caller (OperationOutcome)", content = @Content(mediaType = Fhir.JSON))
    public Response readPatient(@PathParam("id") String id) {
        return read(Type.PATIENT, id);
    }

    @SecurityRequirement(name = "SecurityScheme")
    @GET
    @Path("CareTeam/{id}")
    @Operation(operationId = "readFhirCareTeam", summary = "Read a FHIR CareTeam", description = "A patient's care team has the patient's id.")
    @APIResponse(responseCode = "200", description = "The CareTeam", headers = @Header(name = "ETag", description = "W/\"versionId\""), content = @Content(mediaType = Fhir.JSON))
    @APIResponse(responseCode = "304", description = "Unchanged since the ETag in If-None-Match")
    @APIResponse(responseCode = "401", description = "No or invalid access token", content = @Content(mediaType = Fhir.JSON))
    @APIResponse(responseCode = "404", description = "Unknown, or not visible to the caller (OperationOutcome)", content = @Content(mediaType = Fhir.JSON))
    public Response readCareTeam(@PathParam("id") String id) {
        return read(Type.CARE_TEAM, id);
    }

    @SecurityRequirement(name = "SecurityScheme")
    @GET
    @Path("Flag/{id}")
    @Operation(operationId = "readFhirFlag", summary = "Read a FHIR Flag",
            description = "The urgent-review flag of a patient (same id as the patient); 404 when there is no urgent review.")
    @APIResponse(responseCode = "200", description = "The Flag", headers = @Header(name = "ETag", description = "W/\"versionId\""), content = @Content(mediaType = Fhir.JSON))
    @APIResponse(responseCode = "304", description = "Unchanged since the ETag in If-None-Match")
    @APIResponse(responseCode = "401", description = "No or invalid access token", content = @Content(mediaType = Fhir.JSON))
    @APIResponse(responseCode = "404", description = "Unknown, no urgent review, or not visible (OperationOutcome)", content = @Content(mediaType = Fhir.JSON))
    public Response readFlag(@PathParam("id") String id) {
        return read(Type.FLAG, id);
    }

    @SecurityRequirement(name = "SecurityScheme")
    @GET
    @Path("Patient")
    @Operation(operationId = "searchFhirPatients", summary = "Search FHIR Patients", description = "Parameters: _id, _lastUpdated, _count (max 500), _offset.")
    @APIResponse(responseCode = "200", description = "A searchset Bundle", content = @Content(mediaType = Fhir.JSON))
    @APIResponse(responseCode = "400", description = "An unsupported or invalid parameter (OperationOutcome)", content = @Content(mediaType = Fhir.JSON))
    @APIResponse(responseCode = "401", description = "No or invalid access token", content = @Content(mediaType = Fhir.JSON))
    @Extension(name = FhirOpenApi.SEARCH_PARAMETERS, value = "FhirId,FhirLastUpdated,FhirCount,FhirOffset")
    public Bundle searchPatients(UriInfo uri) {
        return search(Type.PATIENT, uri);
    }

    @SecurityRequirement(name = "SecurityScheme")
    @GET
    @Path("CareTeam")
    @Operation(operationId = "searchFhirCareTeams", summary = "Search FHIR CareTeams",
            description = "Parameters: patient, date (team start), _id, _lastUpdated, _count (max 500), _offset.")
    @APIResponse(responseCode = "200", description = "A searchset Bundle", content = @Content(mediaType = Fhir.JSON))
    @APIResponse(responseCode = "400", description = "An unsupported or invalid parameter (OperationOutcome)", content = @Content(mediaType = Fhir.JSON))
    @APIResponse(responseCode = "401", description = "No or invalid access token", content = @Content(mediaType = Fhir.JSON))
    @Extension(name = FhirOpenApi.SEARCH_PARAMETERS, value = "FhirId,FhirPatient,FhirDate,FhirLastUpdated,FhirCount,FhirOffset")
    public Bundle searchCareTeams(UriInfo uri) {
        return search(Type.CARE_TEAM, uri);
    }

    @SecurityRequirement(name = "SecurityScheme")
    @GET
    @Path("Flag")
    @Operation(operationId = "searchFhirFlags", summary = "Search FHIR Flags",
            description = "Parameters: patient, date (flag start), _id, _lastUpdated, _count (max 500), _offset.")
    @APIResponse(responseCode = "200", description = "A searchset Bundle", content = @Content(mediaType = Fhir.JSON))
    @APIResponse(responseCode = "400", description = "An unsupported or invalid parameter (OperationOutcome)", content = @Content(mediaType = Fhir.JSON))
    @APIResponse(responseCode = "401", description = "No or invalid access token", content = @Content(mediaType = Fhir.JSON))
    @Extension(name = FhirOpenApi.SEARCH_PARAMETERS, value = "FhirId,FhirPatient,FhirDate,FhirLastUpdated,FhirCount,FhirOffset")
    public Bundle searchFlags(UriInfo uri) {
        return search(Type.FLAG, uri);
    }

    private Response read(Type type, String id) {
        FhirService.Read read = fhir.read(callers.require(READERS, "the FHIR API"), type, id);
        return Response.ok(read.resource()).type(Fhir.JSON).header(HttpHeaders.ETAG, read.etag())
                .header(HttpHeaders.LAST_MODIFIED, read.resource().getMeta().getLastUpdated())
                .build();
    }

    private Bundle search(Type type, UriInfo uri) {
        SearchRequest request = SearchRequest.parse(type, callers.require(READERS, "the FHIR API"), uri.getQueryParameters());
        String base = Fhir.base(uri);
        return fhir.search(request, new FhirService.Links() {
            @Override
            public String base() {
                return base;
            }

            @Override
            public String self() {
                return uri.getRequestUri().toString();
            }

            @Override
            public String at(int offset) {
                return uri.getRequestUriBuilder().replaceQueryParam("_offset", offset)
                        .replaceQueryParam("_count", request.count()).build().toString();
            }
        });
    }
}
