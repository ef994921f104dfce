package org.backcare.platform.fhir;

import org.hl7.fhir.r4.model.CapabilityStatement.TypeRestfulInteraction;
import org.hl7.fhir.r4.model.Enumerations.SearchParamType;

import java.util.List;
import java.util.Objects;

/**
 * What one service's FHIR API serves, as the service says it: its resource types with their interactions and search
 * parameters, whether it serves Bulk Data export, and its own conformance resources. A service produces one as a
 * CDI bean; {@link CapabilityStatements} turns it into /fhir/metadata the same way for every service.
 *
 * @param service     the service's name, e.g. plan-service
 * @param description what its FHIR API holds, one sentence
 * @param access      who sees what, beyond the OAuth mechanics every service shares
 * @param types       the resource types it reads and searches, in the order it lists them
 * @param bulkData    whether it serves Bulk Data $export (platform/export)
 * @param canonicals  the CodeSystems, Questionnaires, ... its resources refer to by canonical URL, served too
 */
public record FhirServer(String service, String description, String access, List<ServedType> types,
                         boolean bulkData, Canonicals canonicals) {

    public FhirServer {
        Objects.requireNonNull(service, "service");
        types = List.copyOf(types);
        canonicals = canonicals == null ? Canonicals.none() : canonicals;
        for (ServedType type : types) {
            if (canonicals.serves(type.type())) {
                throw new IllegalArgumentException(type.type() + " is both a served type and a canonical type");
            }
        }
    }

    /** A resource type the service serves, and how. */
    public record ServedType(String type, String documentation, List<TypeRestfulInteraction> interactions,
                             List<SearchParam> searchParams) {

        public ServedType {
            Objects.requireNonNull(type, "type");
            interactions = List.copyOf(interactions);
            searchParams = List.copyOf(searchParams);
        }

        /** Read by id and search, with these search parameters. */
        public static ServedType readAndSearch(String type, String documentation, SearchParam... searchParams) {
            return new ServedType(type, documentation,
                    List.of(TypeRestfulInteraction.READ, TypeRestfulInteraction.SEARCHTYPE), List.of(searchParams));
        }
    }

    /**
     * A search parameter of a type.
     *
     * @param definition the canonical URL of its SearchParameter, or null where FHIR defines none for this type
     */
    public record SearchParam(String name, SearchParamType type, String definition, String documentation) {

        public SearchParam {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(type, "type");
        }

        public static SearchParam of(String name, SearchParamType type, String documentation) {
            return new SearchParam(name, type, null, documentation);
        }

        /** The same parameter, defined by this SearchParameter of the FHIR specification. */
        public SearchParam definedBy(String canonical) {
            return new SearchParam(name, type, canonical, documentation);
        }

        public static SearchParam id() {
            return of("_id", SearchParamType.TOKEN, "Resource ids, comma-separated")
                    .definedBy("http://hl7.org/fhir/SearchParameter/Resource-id");
        }

        public static SearchParam lastUpdated() {
            return of("_lastUpdated", SearchParamType.DATE, "meta.lastUpdated; prefixes eq, gt, ge, lt, le; repeat for a range")
                    .definedBy("http://hl7.org/fhir/SearchParameter/Resource-lastUpdated");
        }

        /** The patient: Patient/{id} or the id alone. */
        public static SearchParam patient(String documentation) {
            return of("patient", SearchParamType.REFERENCE, documentation);
        }

        /** The patient of a clinical resource (CarePlan, Observation, Flag...), as FHIR's clinical-patient defines it. */
        public static SearchParam clinicalPatient(String documentation) {
            return patient(documentation).definedBy("http://hl7.org/fhir/SearchParameter/clinical-patient");
        }

        /** The date of a clinical resource, as FHIR's clinical-date defines it (e.g. a CarePlan's period). */
        public static SearchParam clinicalDate(String documentation) {
            return date(documentation).definedBy("http://hl7.org/fhir/SearchParameter/clinical-date");
        }

        /** A date of the resource; prefixes eq, gt, ge, lt, le. */
        public static SearchParam date(String documentation) {
            return of("date", SearchParamType.DATE, documentation + "; prefixes eq, gt, ge, lt, le; repeat for a range");
        }

        public static SearchParam count() {
            return of("_count", SearchParamType.NUMBER, "Page size, default 50, at most 500; follow the next link for more");
        }

        public static SearchParam offset() {
            return of("_offset", SearchParamType.NUMBER, "Where the page starts (the next link carries it)");
        }
    }
}
