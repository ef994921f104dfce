package org.backcare.plan.fhir;

import org.backcare.platform.fhir.Fhir;
import org.backcare.platform.fhir.Canonicals;
import org.backcare.platform.fhir.FhirException;
import org.backcare.platform.fhir.FhirOpenApi;
import org.backcare.platform.fhir.SearchParameters;
import org.backcare.platform.fhir.FhirServer;
import io.quarkus.security.Authenticated;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.backcare.platform.access.Caller;
import org.backcare.platform.access.CurrentCaller;
import org.backcare.plan.audit.AuditAction;
import org.backcare.platform.audit.AuditLog;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Meta;
import org.hl7.fhir.r4.model.Resource;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.extensions.Extension;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.time.Clock;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * FHIR R4 read and search of CarePlan, Goal and MedicationRequest. Access follows the JSON API: the patient
 * themself, clinicians on the care team, admins and integrators; anyone else gets 404 on a read and sees nothing in
 * a search. Errors are OperationOutcomes.
 */
@Path("/fhir")
@Tag(name = "FHIR", description = "FHIR R4 read and search API (application/fhir+json)")
@Produces({Fhir.JSON, MediaType.APPLICATION_JSON})
@Authenticated
public class FhirResource {

    static final int DEFAULT_COUNT = 50;
    static final int MAX_COUNT = 500;
    static final java.util.Set<String> SEARCH_PARAMETERS = java.util.Set.of("patient", "date", "_lastUpdated", "_count", "_offset");

    private final FhirStore store;
    private final CurrentCaller caller;
    private final AuditLog audit;
    private final Clock clock;
    private final Canonicals canonicals;

    public FhirResource(FhirStore store, CurrentCaller caller, AuditLog audit, Clock clock, FhirServer server) {
        this.store = store;
        this.caller = caller;
        this.audit = audit;
        this.clock = clock;
        this.canonicals = server.canonicals();
    }

    @GET
    @Path("/{type}/{id}")
    @Transactional
    @Operation(operationId = "readFhir", summary = "Read a FHIR resource",
            description = "CarePlan, Goal or MedicationRequest by id, with ETag W/\"versionId\"; or one of BackCare's "
                    + "CodeSystems (formulary, exercise-catalogue), which any authenticated caller may read.")
    @APIResponse(responseCode = "200", description = "The resource", headers = @Header(name = "ETag", description = "W/\"versionId\""), content = @Content(mediaType = Fhir.JSON))
    @APIResponse(responseCode = "401", description = "No or invalid access token")
    @APIResponse(responseCode = "404", description = "Unknown type or id, or not visible to the caller (OperationOutcome)",
            content = @Content(mediaType = Fhir.JSON))
    public Response read(@PathParam("type") @Parameter(description = "CarePlan, Goal, MedicationRequest or CodeSystem",
                                   schema = @Schema(enumeration = {"CarePlan", "Goal", "MedicationRequest", "CodeSystem"})) String type,
                         @PathParam("id") String id) {
        Caller who = caller.get();
        if (canonicals.serves(type)) {
            return versioned(canonicals.read(type, id));
        }
        requireType(type);
        PlanParts parts = switch (type) {
            case "Goal" -> FhirIds.parseGoal(id).flatMap(g -> store.plan(g.planId())
                    .filter(p -> g.index() < p.goals().goals().size())).orElse(null);
            case "MedicationRequest" -> FhirIds.uuid(id).flatMap(store::planOfPrescription).flatMap(store::plan)
                    .orElse(null);
            default -> FhirIds.uuid(id).flatMap(store::plan).orElse(null);
        };
        if (parts == null || !store.visible(who, parts.plan().patientId)) {
            if (parts != null) {
                audit.recordRefused(who, "FHIR_READ", parts.plan().patientId, 404);
            }
            throw FhirException.notFound(type + "/" + id + " was not found");
        }
        Resource resource = switch (type) {
            case "Goal" -> PlanFhirMapper.goal(parts, FhirIds.parseGoal(id).orElseThrow().index());
            case "MedicationRequest" -> parts.medications().medications().stream()
                    .filter(rx -> id.equals(String.valueOf(rx.id()))).findFirst()
                    .map(rx -> PlanFhirMapper.medicationRequest(parts, rx))
                    .orElseThrow(() -> FhirException.notFound(type + "/" + id + " was not found"));
            default -> PlanFhirMapper.carePlan(parts);
        };
        audit.record(who, AuditAction.FHIR_READ, parts.plan().patientId, type + "/" + id);
        return versioned(resource);
    }

    /** The resource with its version as a weak ETag, and Last-Modified when known. */
    private static Response versioned(Resource resource) {
        Meta meta = resource.getMeta();
        Response.ResponseBuilder response = Response.ok(resource).header("ETag", "W/\"" + meta.getVersionId() + "\"");
        if (meta.getLastUpdated() != null) {
            response.lastModified(meta.getLastUpdated());
        }
        return response.build();
    }

    @GET
    @Path("/{type}")
    @Transactional
    @Operation(operationId = "searchFhir", summary = "Search FHIR resources",
            description = "A searchset Bundle with total and self/next links. Parameters: patient, date, _lastUpdated "
                    + "(prefixes eq, gt, ge, lt, le; repeat for a range), _count (default 50, at most 500), _offset "
                    + "(set by the next link). Patients and clinicians see only the patients they may see. "
                    + "CodeSystem is searched by url (and _id) only.")
    @APIResponse(responseCode = "200", description = "Bundle of type searchset", content = @Content(mediaType = Fhir.JSON))
    @APIResponse(responseCode = "400", description = "Invalid search parameter (OperationOutcome)",
            content = @Content(mediaType = Fhir.JSON))
    @APIResponse(responseCode = "401", description = "No or invalid access token")
    @APIResponse(responseCode = "404", description = "Unsupported resource type (OperationOutcome)",
            content = @Content(mediaType = Fhir.JSON))
    @Extension(name = FhirOpenApi.SEARCH_PARAMETERS, value = "FhirPatient,FhirDate,FhirLastUpdated,FhirCount,FhirOffset,FhirUrl")
    public Response search(@PathParam("type") @Parameter(description = "CarePlan, Goal, MedicationRequest or CodeSystem",
                                   schema = @Schema(enumeration = {"CarePlan", "Goal", "MedicationRequest", "CodeSystem"})) String type,
                           UriInfo uri) {
        Caller who = caller.get();
        if (canonicals.serves(type)) {
            return Response.ok(canonicals.search(type, uri.getQueryParameters(), base(uri),
                    uri.getRequestUri().toString())).build();
        }
        requireType(type);
        MultivaluedMap<String, String> query = uri.getQueryParameters();
        SearchParameters.requireSupported(type, query, SEARCH_PARAMETERS);
        UUID patient = patientParam(query.get("patient"));
        List<DateParam> date = dates("date", query.get("date"));
        List<DateParam> lastUpdated = dates("_lastUpdated", query.get("_lastUpdated"));
        int count = Math.min(number("_count", query.getFirst("_count"), DEFAULT_COUNT), MAX_COUNT);
        int offset = number("_offset", query.getFirst("_offset"), 0);
        FhirStore.Page page = store.search(who, new FhirStore.Search(type, patient, date, lastUpdated, count, offset));
        audit.record(who, AuditAction.FHIR_SEARCH, patient, type + (uri.getRequestUri().getRawQuery() == null ? ""
                : "?" + truncate(uri.getRequestUri().getRawQuery(), 400)));

        Bundle bundle = new Bundle();
        bundle.setId(UUID.randomUUID().toString());
        bundle.getMeta().setLastUpdated(Date.from(clock.instant()));
        bundle.setType(Bundle.BundleType.SEARCHSET);
        bundle.setTotal((int) Math.min(page.total(), Integer.MAX_VALUE));
        bundle.addLink().setRelation("self").setUrl(uri.getRequestUri().toString());
        if (count > 0 && offset + count < page.total()) {
            bundle.addLink().setRelation("next").setUrl(uri.getRequestUriBuilder()
                    .replaceQueryParam("_count", count).replaceQueryParam("_offset", offset + count).build().toString());
        }
        String base = base(uri);
        for (Resource resource : page.resources()) {
            bundle.addEntry().setFullUrl(base + "/" + resource.fhirType() + "/" + resource.getIdElement().getIdPart())
                    .setResource(resource).getSearch().setMode(Bundle.SearchEntryMode.MATCH);
        }
        return Response.ok(bundle).build();
    }

    /** The absolute base of the FHIR API, e.g. https://plans.example/fhir. */
    public static String base(UriInfo uri) {
        String base = uri.getBaseUri().toString();
        return (base.endsWith("/") ? base : base + "/") + "fhir";
    }

    private void requireType(String type) {
        if (!FhirStore.TYPES.contains(type)) {
            List<String> served = new ArrayList<>(FhirStore.TYPES);
            served.addAll(canonicals.types());
            throw new FhirException(404, org.hl7.fhir.r4.model.OperationOutcome.IssueType.NOTSUPPORTED,
                    "resource type '" + type + "' is not served here; this server has " + served);
        }
    }

    static UUID patientParam(List<String> values) {
        if (values == null || values.isEmpty()) {
            return null;
        }
        if (values.size() > 1) {
            throw FhirException.badRequest("patient: give one patient");
        }
        String value = values.get(0);
        String id = value.startsWith("Patient/") ? value.substring("Patient/".length())
                : value.contains("/Patient/") ? value.substring(value.lastIndexOf("/Patient/") + "/Patient/".length()) : value;
        Optional<UUID> uuid = FhirIds.uuid(id);
        return uuid.orElseThrow(() -> FhirException.badRequest("patient: '" + value + "' is not Patient/{id} with a UUID id"));
    }

    static List<DateParam> dates(String name, List<String> values) {
        List<DateParam> dates = new ArrayList<>();
        if (values != null) {
            for (String value : values) {
                for (String part : value.split(",")) {
                    if (value.contains(",")) {
                        throw FhirException.notSupported(name + ": several values in one parameter (OR) are not supported");
                    }
                    dates.add(DateParam.parse(name, part));
                }
            }
        }
        return dates;
    }

    static int number(String name, String value, int fallback) {
        if (value == null || value.isBlank()) {
            return fallback;
        }
        try {
            int n = Integer.parseInt(value.trim());
            if (n >= 0) {
                return n;
            }
        } catch (NumberFormatException ignored) {
            // reported below
        }
        throw FhirException.badRequest(name + ": '" + value + "' is not a whole number of at least 0");
    }

    private static String truncate(String text, int max) {
        return text.length() <= max ? text : text.substring(0, max);
    }
}
