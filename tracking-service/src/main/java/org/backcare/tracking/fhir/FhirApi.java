package org.backcare.tracking.fhir;

import org.backcare.platform.fhir.Canonicals;
import org.backcare.platform.fhir.Fhir;
import org.backcare.platform.fhir.FhirException;
import org.backcare.platform.fhir.SearchParameters;
import org.backcare.platform.fhir.FhirServer;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.UriBuilder;
import jakarta.ws.rs.core.UriInfo;
import org.backcare.platform.access.Caller;
import org.backcare.tracking.access.PatientAccess;
import org.backcare.platform.access.Role;
import org.backcare.tracking.audit.AuditAction;
import org.backcare.platform.audit.AuditLog;
import org.backcare.tracking.checkin.CheckIn;
import org.backcare.tracking.medication.MedicationIntake;
import org.backcare.tracking.patient.Patients;
import org.backcare.platform.problem.ProblemException;
import org.backcare.tracking.questionnaire.Instruments;
import org.backcare.tracking.questionnaire.Questionnaire;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.Resource;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/** The FHIR read API: read by id and search, within the access rules of the JSON API (PatientAccess). */
@ApplicationScoped
public class FhirApi {

    public static final int DEFAULT_COUNT = 50;
    public static final int MAX_COUNT = 500;
    static final Set<String> SEARCH_PARAMS = Set.of("patient", "subject", "date", "_lastUpdated", "_count", "_offset");
    /** Observation is also searched by code. */
    static final Set<String> OBSERVATION_SEARCH_PARAMS = Set.of("patient", "subject", "date", "_lastUpdated", "code",
            "_count", "_offset");

    private final Patients patients;
    private final AuditLog audit;
    private final FhirSearch search;
    private final Canonicals canonicals;

    public FhirApi(Patients patients, AuditLog audit, FhirSearch search, FhirServer server) {
        this.patients = patients;
        this.audit = audit;
        this.search = search;
        this.canonicals = server.canonicals();
    }

    /**
     * The resource, or 404 when it does not exist or the caller may not see its patient (the same answer). The
     * service's CodeSystem and Questionnaire hold no patient data: any caller reads them.
     */
    @Transactional
    public Resource read(Caller caller, String type, String id) {
        if (canonicals.serves(type)) {
            return canonicals.read(type, id);
        }
        if (!FhirSearch.serves(type)) {
            throw unknownType(type);
        }
        Resource resource = find(type, id).orElseThrow(() -> notFound(type, id));
        UUID patientId = UUID.fromString(((Reference) resource.getNamedProperty("subject").getValues().get(0))
                .getReferenceElement().getIdPart());
        try {
            patients.authorized(caller, patientId, PatientAccess.Action.READ);
        } catch (ProblemException hidden) {
            throw notFound(type, id);
        }
        audit.record(caller, AuditAction.FHIR_READ, patientId, type + "/" + id);
        return resource;
    }

    private static Optional<Resource> find(String type, String id) {
        Optional<UUID> uuid = uuid(id.length() > 36 ? id.substring(0, 36) : id);
        if (uuid.isEmpty()) {
            return Optional.empty();
        }
        String suffix = id.length() > 37 && id.charAt(36) == '-' ? id.substring(37) : null;
        return switch (type) {
            case "Observation" -> {
                if (suffix == null) {
                    yield Optional.empty();
                }
                if (suffix.equals(OdiResources.ODI_SUFFIX) || Instruments.current(suffix).isPresent()) {
                    yield Questionnaire.<Questionnaire>findByIdOptional(uuid.get())
                            .filter(q -> suffix.equals(q.kind)).map(QuestionnaireResources::score);
                }
                yield CheckInObservations.Measure.ofSuffix(suffix).flatMap(m -> CheckIn.<CheckIn>findByIdOptional(uuid.get())
                        .flatMap(c -> CheckInObservations.of(c, m)));
            }
            case "QuestionnaireResponse" -> id.length() != 36 ? Optional.empty()
                    : Questionnaire.<Questionnaire>findByIdOptional(uuid.get()).map(QuestionnaireResources::response);
            case "RiskAssessment" -> id.length() != 36 ? Optional.empty()
                    : Questionnaire.<Questionnaire>findByIdOptional(uuid.get())
                    .filter(InstrumentResources::hasRiskAssessment).map(InstrumentResources::riskAssessment);
            default -> id.length() != 36 ? Optional.empty()
                    : MedicationIntake.<MedicationIntake>findByIdOptional(uuid.get()).map(MedicationStatements::of);
        };
    }

    /**
     * A searchset Bundle with total, self and next links; across patients only for integrators and admins. CodeSystem
     * and Questionnaire are searched by url (and _id), by any caller.
     */
    @Transactional
    public Bundle search(Caller caller, String type, UriInfo uri) {
        if (canonicals.serves(type)) {
            return canonicals.search(type, uri.getQueryParameters(), Fhir.base(uri), uri.getRequestUri().toString());
        }
        if (!FhirSearch.serves(type)) {
            throw unknownType(type);
        }
        MultivaluedMap<String, String> query = uri.getQueryParameters();
        SearchParameters.requireSupported(type, query,
                "Observation".equals(type) ? OBSERVATION_SEARCH_PARAMS : SEARCH_PARAMS);
        UUID patientId = patientParam(query.get("patient"), query.get("subject"));
        if (patientId != null) {
            try {
                patients.authorized(caller, patientId, PatientAccess.Action.READ);
            } catch (ProblemException hidden) {
                throw FhirException.notFound("Patient/" + patientId + " is not known");
            }
        } else if (!(caller.isAdmin() || caller.has(Role.INTEGRATOR))) {
            throw FhirException.forbidden("searching across patients is for integrators; add patient=Patient/{id}");
        }
        int count = intParam(query.getFirst("_count"), "_count", DEFAULT_COUNT, 0, Integer.MAX_VALUE);
        count = Math.min(count, MAX_COUNT);
        int offset = intParam(query.getFirst("_offset"), "_offset", 0, 0, Integer.MAX_VALUE);
        FhirSearch.Criteria criteria = new FhirSearch.Criteria(type, patientId,
                DateParam.parse("date", query.get("date")), DateParam.parse("_lastUpdated", query.get("_lastUpdated")),
                ObservationCodes.kinds(query.get("code")), count, offset);
        FhirSearch.Page page = search.search(criteria);
        audit.record(caller, AuditAction.FHIR_SEARCH, patientId, type + "?" + uri.getRequestUri().getRawQuery());

        Bundle bundle = new Bundle();
        bundle.setType(Bundle.BundleType.SEARCHSET);
        bundle.setTotal((int) Math.min(page.total(), Integer.MAX_VALUE));
        bundle.addLink().setRelation("self").setUrl(uri.getRequestUri().toString());
        if (count > 0 && (long) offset + count < page.total()) {
            bundle.addLink().setRelation("next").setUrl(withOffset(uri, offset + count, count));
        }
        if (offset > 0 && count > 0) {
            bundle.addLink().setRelation("previous").setUrl(withOffset(uri, Math.max(0, offset - count), count));
        }
        String base = uri.getBaseUri().toString();
        for (Resource r : page.resources()) {
            bundle.addEntry().setFullUrl(base + "fhir/" + type + "/" + r.getIdElement().getIdPart()).setResource(r)
                    .getSearch().setMode(Bundle.SearchEntryMode.MATCH);
        }
        return bundle;
    }

    private static String withOffset(UriInfo uri, int offset, int count) {
        return UriBuilder.fromUri(uri.getRequestUri()).replaceQueryParam("_offset", offset)
                .replaceQueryParam("_count", count).build().toString();
    }

    static UUID patientParam(List<String> patient, List<String> subject) {
        List<String> values = patient != null ? patient : subject;
        if (values == null || values.isEmpty()) {
            return null;
        }
        if (values.size() > 1 || (patient != null && subject != null)) {
            throw FhirException.badRequest("patient: give one patient");
        }
        String value = values.get(0).strip();
        String id = value.startsWith("Patient/") ? value.substring("Patient/".length()) : value;
        return uuid(id).orElseThrow(() -> FhirException.badRequest("patient: '" + value
                + "' is not a patient reference; use Patient/{id} or the id"));
    }

    static int intParam(String value, String name, int fallback, int min, int max) {
        if (value == null || value.isBlank()) {
            return fallback;
        }
        try {
            int parsed = Integer.parseInt(value.strip());
            if (parsed >= min && parsed <= max) {
                return parsed;
            }
        } catch (NumberFormatException ignored) {
            // reported below
        }
        throw FhirException.badRequest(name + ": '" + value + "' is not a whole number of at least " + min);
    }

    static Optional<UUID> uuid(String text) {
        if (text == null || text.length() != 36) {
            return Optional.empty();
        }
        try {
            return Optional.of(UUID.fromString(text));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    private static FhirException notFound(String type, String id) {
        return FhirException.notFound(type + "/" + id + " is not known");
    }

    static FhirException unknownType(String type) {
        return FhirException.notFound("tracking-service serves Observation, QuestionnaireResponse, "
                + "MedicationStatement, RiskAssessment, CodeSystem and Questionnaire, not '" + type + "'");
    }
}
