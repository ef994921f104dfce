package org.backcare.platform.fhir;

import org.backcare.platform.fhir.FhirServer.SearchParam;
import org.backcare.platform.fhir.FhirServer.ServedType;
import org.hl7.fhir.r4.model.CapabilityStatement;
import org.hl7.fhir.r4.model.CapabilityStatement.CapabilityStatementRestComponent;
import org.hl7.fhir.r4.model.CapabilityStatement.CapabilityStatementRestResourceComponent;
import org.hl7.fhir.r4.model.CapabilityStatement.TypeRestfulInteraction;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Enumerations;
import org.hl7.fhir.r4.model.Extension;
import org.hl7.fhir.r4.model.UriType;

import java.util.Date;

/**
 * The CapabilityStatement of /fhir/metadata, built the same way for every service from what it serves
 * ({@link FhirServer}): its types and their search parameters, its own canonical resources (read, and search by
 * url), OAuth bearer tokens declared as SMART on FHIR with the token and authorize endpoints, and Bulk Data as the Bulk Data IG
 * asks (instantiates its CapabilityStatement; the system-level and the Patient-level export operation).
 */
public final class CapabilityStatements {

    public static final String BULK_DATA = "http://hl7.org/fhir/uv/bulkdata/CapabilityStatement/bulk-data";
    public static final String EXPORT = "http://hl7.org/fhir/uv/bulkdata/OperationDefinition/export";
    public static final String PATIENT_EXPORT = "http://hl7.org/fhir/uv/bulkdata/OperationDefinition/patient-export";
    static final String SECURITY_SERVICE = "http://terminology.hl7.org/CodeSystem/restful-security-service";
    /** SMART App Launch's extension on rest.security naming the authorization server's endpoints. */
    public static final String OAUTH_URIS = "http://fhir-registry.smarthealthit.org/StructureDefinition/oauth-uris";

    private CapabilityStatements() {
    }

    /** The authorization server's endpoints a client needs, as SMART's oauth-uris extension names them. */
    public record OAuthEndpoints(String token, String authorize) {
    }

    /**
     * @param base      the absolute base of the FHIR API as the client called it
     * @param published when this statement was published (the service's start)
     * @param oauth     where clients get tokens, or null if unknown
     */
    public static CapabilityStatement of(FhirServer server, String base, Date published, OAuthEndpoints oauth) {
        CapabilityStatement cs = new CapabilityStatement();
        cs.setStatus(Enumerations.PublicationStatus.ACTIVE);
        cs.setName("BackCare" + pascal(server.service()));
        cs.setTitle("BackCare " + server.service() + " FHIR API");
        cs.setDate(published);
        cs.setPublisher("BackCare");
        cs.setDescription(server.description());
        cs.setKind(CapabilityStatement.CapabilityStatementKind.INSTANCE);
        cs.getSoftware().setName("BackCare " + server.service());
        cs.getImplementation().setDescription("BackCare " + server.service()).setUrl(base);
        cs.setFhirVersion(Enumerations.FHIRVersion._4_0_1);
        cs.addFormat(Fhir.JSON);
        cs.addFormat("json");
        if (server.bulkData()) {
            cs.addInstantiates(BULK_DATA);
        }

        CapabilityStatementRestComponent rest = cs.addRest();
        rest.setMode(CapabilityStatement.RestfulCapabilityMode.SERVER);
        security(rest, server, oauth);
        for (ServedType type : server.types()) {
            CapabilityStatementRestResourceComponent resource = resource(rest, type.type());
            resource.setDocumentation(type.documentation());
            type.interactions().forEach(i -> resource.addInteraction().setCode(i));
            type.searchParams().forEach(p -> searchParam(resource, p));
        }
        for (String type : server.canonicals().types()) {
            CapabilityStatementRestResourceComponent resource = resource(rest, type);
            resource.setDocumentation("BackCare's own " + type + " resources that this service's resources refer to "
                    + "by canonical URL; any authenticated caller may read them");
            resource.addInteraction().setCode(TypeRestfulInteraction.READ);
            resource.addInteraction().setCode(TypeRestfulInteraction.SEARCHTYPE);
            searchParam(resource, SearchParam.of("url", Enumerations.SearchParamType.URI,
                    "The canonical URL, optionally with |version"));
        }
        if (server.bulkData()) {
            rest.addOperation().setName("export").setDefinition(EXPORT)
                    .setDocumentation("Bulk Data system export: GET /fhir/$export with Prefer: respond-async; "
                            + "_type, _since, _outputFormat (application/fhir+ndjson); integrators only");
            CapabilityStatementRestResourceComponent patient = rest.getResource().stream()
                    .filter(r -> "Patient".equals(r.getType())).findFirst()
                    .orElseGet(() -> resource(rest, "Patient")
                            .setDocumentation("Only the Bulk Data Patient-level export; this service holds no Patient"));
            patient.addOperation().setName("export").setDefinition(PATIENT_EXPORT)
                    .setDocumentation("Bulk Data Patient-level export: GET /fhir/Patient/$export with Prefer: "
                            + "respond-async; every patient's resources of this service; integrators only");
        }
        return cs;
    }

    private static void security(CapabilityStatementRestComponent rest, FhirServer server, OAuthEndpoints oauth) {
        CapabilityStatement.CapabilityStatementRestSecurityComponent security = rest.getSecurity();
        security.setCors(true);
        security.addService(new CodeableConcept()
                .addCoding(new Coding(SECURITY_SERVICE, "SMART-on-FHIR", "SMART-on-FHIR"))
                .addCoding(new Coding(SECURITY_SERVICE, "OAuth", "OAuth"))
                .setText("OAuth 2 bearer tokens of the BackCare realm (SMART on FHIR; integrators use client "
                        + "credentials as SMART Backend Services)"));
        if (oauth != null) {
            Extension oauthUris = new Extension(OAUTH_URIS);
            oauthUris.addExtension(new Extension("token", new UriType(oauth.token())));
            oauthUris.addExtension(new Extension("authorize", new UriType(oauth.authorize())));
            security.addExtension(oauthUris);
        }
        security.setDescription("Send an OAuth 2 bearer token of the BackCare realm on every request but "
                + "/fhir/metadata. " + (server.access() == null ? "" : server.access() + " ")
                + (server.bulkData() ? "Bulk Data export is for the integrator role. " : "")
                + "What a caller may not see answers 404.");
    }

    private static CapabilityStatementRestResourceComponent resource(CapabilityStatementRestComponent rest, String type) {
        CapabilityStatementRestResourceComponent resource = rest.addResource().setType(type);
        resource.setVersioning(CapabilityStatement.ResourceVersionPolicy.VERSIONED);
        resource.setReadHistory(false);
        return resource;
    }

    private static void searchParam(CapabilityStatementRestResourceComponent resource, SearchParam param) {
        resource.addSearchParam().setName(param.name()).setType(param.type()).setDefinition(param.definition())
                .setDocumentation(param.documentation());
    }

    /** plan-service -> PlanService: a computer-usable name. */
    static String pascal(String kebab) {
        StringBuilder name = new StringBuilder();
        for (String part : kebab.split("[^A-Za-z0-9]+")) {
            if (!part.isEmpty()) {
                name.append(Character.toUpperCase(part.charAt(0))).append(part.substring(1));
            }
        }
        return name.toString();
    }
}
