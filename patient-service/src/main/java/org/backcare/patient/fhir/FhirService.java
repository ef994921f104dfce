package org.backcare.patient.fhir;

import org.backcare.platform.access.CareTeamAccess;
import org.backcare.platform.fhir.FhirException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import org.backcare.platform.access.Caller;
import org.backcare.patient.access.PatientAccess;
import org.backcare.patient.audit.AuditAction;
import org.backcare.platform.audit.AuditLog;
import org.backcare.patient.fhir.FhirMapper.Row;
import org.backcare.patient.fhir.FhirMapper.Type;
import org.backcare.patient.record.Patient;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Resource;

import java.util.List;
import java.util.UUID;

/** Reads and searches of the FHIR API: the usual access rules, audited like the JSON API. */
@ApplicationScoped
public class FhirService {

    private final EntityManager em;
    private final AuditLog audit;

    public FhirService(EntityManager em, AuditLog audit) {
        this.em = em;
        this.audit = audit;
    }

    /** A read: the resource and its weak ETag. */
    public record Read(Resource resource, String etag) {
    }

    /**
     * One resource by id; 404 when it does not exist or the caller may not see the patient, with the same answer
     * in both cases so the API never reveals that a record exists.
     */
    @Transactional
    public Read read(Caller caller, Type type, String id) {
        FhirException notFound = FhirException.notFound(type.fhirName() + "/" + id + " is not known");
        UUID patientId = SearchRequest.uuidOrNone(id);
        Patient p = patientId.equals(SearchRequest.NO_PATIENT) ? null : Patient.findById(patientId);
        if (p == null) {
            throw notFound;
        }
        if (!CareTeamAccess.canSee(caller, p.accessFacts())) {
            audit.recordRefused(caller, "FHIR read " + type.fhirName(), p.id, 404);
            throw notFound;
        }
        List<Row> rows = PatientRows.of(new PatientRows.Criteria(type, null, p.id, InstantRange.ALL,
                InstantRange.ALL)).page(em, 0, 1);
        if (rows.isEmpty()) {
            // Only a Flag can be missing for an existing patient: there is no urgent review.
            throw notFound;
        }
        audit.record(caller, AuditAction.READ, p.id, "FHIR " + type.fhirName());
        return new Read(type.map(rows.get(0)), FhirMapper.etag(p));
    }

    /** A page of matches as a searchset Bundle; the caller sees only the patients their access rules allow. */
    @Transactional
    public Bundle search(SearchRequest request, Links links) {
        PatientRows rows = PatientRows.of(request.criteria());
        long total = rows.count(em);
        List<Row> page = request.count() == 0 ? List.of() : rows.page(em, request.offset(), request.count());
        Type type = request.criteria().type();

        Bundle bundle = new Bundle();
        bundle.setType(Bundle.BundleType.SEARCHSET);
        bundle.setTotal((int) Math.min(total, Integer.MAX_VALUE));
        bundle.addLink().setRelation("self").setUrl(links.self());
        if (request.count() > 0 && request.offset() + page.size() < total) {
            bundle.addLink().setRelation("next").setUrl(links.at(request.offset() + request.count()));
        }
        if (request.offset() > 0) {
            bundle.addLink().setRelation("previous").setUrl(links.at(Math.max(0, request.offset() - request.count())));
        }
        for (Row row : page) {
            Resource resource = type.map(row);
            bundle.addEntry().setFullUrl(links.base() + "/" + type.fhirName() + "/" + row.patient().id)
                    .setResource(resource).getSearch().setMode(Bundle.SearchEntryMode.MATCH);
            audit.record(request.criteria().caller(), AuditAction.LIST, row.patient().id, "FHIR " + type.fhirName());
        }
        return bundle;
    }

    /** How the search's own links are written: the request as received, and the same with another offset. */
    public interface Links {
        String base();

        String self();

        String at(int offset);
    }
}
