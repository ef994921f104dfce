package org.backcare.patient.fhir;

import ca.uhn.fhir.model.api.TemporalPrecisionEnum;
import org.backcare.patient.careteam.CareTeamMember;
import org.backcare.patient.careteam.CareTeamRole;
import org.backcare.patient.record.Patient;
import org.backcare.patient.record.PatientStatus;
import org.hl7.fhir.r4.model.CareTeam;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.ContactPoint;
import org.hl7.fhir.r4.model.DateTimeType;
import org.hl7.fhir.r4.model.DateType;
import org.hl7.fhir.r4.model.InstantType;
import org.hl7.fhir.r4.model.Enumerations.AdministrativeGender;
import org.hl7.fhir.r4.model.Flag;
import org.hl7.fhir.r4.model.HumanName;
import org.hl7.fhir.r4.model.Identifier;
import org.hl7.fhir.r4.model.Meta;
import org.hl7.fhir.r4.model.Period;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.Resource;

import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.TimeZone;
import java.util.function.Function;

/**
 * Maps the patient-service entities to FHIR R4 resources. Plain code without Quarkus, so it is unit-tested and
 * validated directly. What the service owns becomes:
 * <ul>
 * <li>{@code Patient/{id}}: the record;</li>
 * <li>{@code CareTeam/{id}}: the patient's one care team (same id as the patient), each member with a SNOMED CT
 * occupation as role;</li>
 * <li>{@code Flag/{id}}: only while the patient is under urgent review after a positive red-flag screening.</li>
 * </ul>
 * All three carry the patient row's version and update time, since every change to the team or the urgent review
 * also moves the patient row (see {@link Patient#touch}).
 */
public final class FhirMapper {

    public static final String SNOMED = "http://snomed.info/sct";
    public static final String LOINC = "http://loinc.org";
    public static final String BCP47 = "urn:ietf:bcp:47";
    public static final String URI_SYSTEM = "urn:ietf:rfc:3986";
    public static final String FLAG_CATEGORY = "http://terminology.hl7.org/CodeSystem/flag-category";
    /** Identifier system of the OIDC subjects (logins) that name care-team members. */
    public static final String OIDC_SUBJECT_SYSTEM = "https://backcare.org/fhir/sid/oidc-subject";
    public static final String URGENT_REVIEW_TEXT = "Urgent review: red flag";

    private static final TimeZone UTC = TimeZone.getTimeZone("UTC");

    private FhirMapper() {
    }

    /** The resource types this service produces, in export order, and how each is made from a row. */
    public enum Type {
        PATIENT("Patient", row -> toPatient(row.patient())),
        CARE_TEAM("CareTeam", row -> toCareTeam(row.patient())),
        FLAG("Flag", row -> toFlag(row.patient(), row.flagStart()));

        private final String fhirName;
        private final Function<Row, Resource> mapping;

        Type(String fhirName, Function<Row, Resource> mapping) {
            this.fhirName = fhirName;
            this.mapping = mapping;
        }

        public String fhirName() {
            return fhirName;
        }

        public Resource map(Row row) {
            return mapping.apply(row);
        }

        public static Type of(String fhirName) {
            for (Type type : values()) {
                if (type.fhirName.equals(fhirName)) {
                    return type;
                }
            }
            return null;
        }

        public static List<String> names() {
            return java.util.Arrays.stream(values()).map(Type::fhirName).toList();
        }
    }

    /** One patient row and, for flags, when the urgent review began (the last positive screening). */
    public record Row(Patient patient, Instant flagStart) {
    }

    public static org.hl7.fhir.r4.model.Patient toPatient(Patient p) {
        var patient = new org.hl7.fhir.r4.model.Patient();
        patient.setId(p.id.toString());
        patient.setMeta(meta(p));
        patient.addIdentifier().setUse(Identifier.IdentifierUse.OFFICIAL).setSystem(URI_SYSTEM)
                .setValue("urn:uuid:" + p.id);
        patient.setActive(p.status == PatientStatus.ACTIVE);
        patient.addName().setUse(HumanName.NameUse.OFFICIAL).setFamily(p.familyName).addGiven(p.givenName);
        if (p.email != null) {
            patient.addTelecom().setSystem(ContactPoint.ContactPointSystem.EMAIL).setValue(p.email);
        }
        if (p.phone != null) {
            patient.addTelecom().setSystem(ContactPoint.ContactPointSystem.PHONE).setValue(p.phone);
        }
        if (p.sex != null) {
            patient.setGender(AdministrativeGender.fromCode(p.sex.code()));
        }
        if (p.birthDate != null) {
            patient.setBirthDateElement(new DateType(p.birthDate.toString()));
        }
        if (p.preferredLanguage != null) {
            patient.addCommunication().setPreferred(true)
                    .setLanguage(new CodeableConcept(new Coding(BCP47, p.preferredLanguage, null)));
        }
        return patient;
    }

    public static CareTeam toCareTeam(Patient p) {
        CareTeam team = new CareTeam();
        team.setId(p.id.toString());
        team.setMeta(meta(p));
        team.setStatus(p.status == PatientStatus.ACTIVE ? CareTeam.CareTeamStatus.ACTIVE
                : CareTeam.CareTeamStatus.INACTIVE);
        team.addCategory(new CodeableConcept(new Coding(LOINC, "LA28865-6",
                "Longitudinal care-coordination focused care team")));
        team.setName("Back pain care team");
        team.setSubject(patientReference(p));
        Period period = new Period().setStartElement(dateTime(p.createdAt));
        if (p.dischargedAt != null) {
            period.setEndElement(dateTime(p.dischargedAt));
        }
        team.setPeriod(period);
        for (CareTeamMember m : p.careTeam) {
            CareTeam.CareTeamParticipantComponent participant = team.addParticipant();
            participant.addRole(role(m.role));
            participant.setMember(new Reference().setType("Practitioner").setDisplay(m.displayName)
                    .setIdentifier(new Identifier().setSystem(OIDC_SUBJECT_SYSTEM).setValue(m.subject)));
            participant.setPeriod(new Period().setStartElement(dateTime(m.addedAt)));
        }
        return team;
    }

    /**
     * The urgent-review flag, or an exception if the patient is not under urgent review.
     *
     * @param start when the urgent review began; the record's update time when unknown
     */
    public static Flag toFlag(Patient p, Instant start) {
        if (!p.urgentReview) {
            throw new IllegalArgumentException("patient " + p.id + " is not under urgent review");
        }
        Flag flag = new Flag();
        flag.setId(p.id.toString());
        flag.setMeta(meta(p));
        flag.setStatus(Flag.FlagStatus.ACTIVE);
        flag.addCategory(new CodeableConcept(new Coding(FLAG_CATEGORY, "clinical", "Clinical")));
        flag.setCode(new CodeableConcept().setText(URGENT_REVIEW_TEXT));
        flag.setSubject(patientReference(p));
        flag.setPeriod(new Period().setStartElement(dateTime(start != null ? start : p.updatedAt)));
        return flag;
    }

    /** A care-team discipline as a SNOMED CT occupation. */
    public static CodeableConcept role(CareTeamRole role) {
        Coding coding = switch (role) {
            case PHYSICIAN -> new Coding(SNOMED, "309343006", "Physician");
            case PHYSICAL_THERAPIST -> new Coding(SNOMED, "36682004", "Physiotherapist");
            case PSYCHOLOGIST -> new Coding(SNOMED, "59944000", "Psychologist");
        };
        return new CodeableConcept(coding).setText(role.code());
    }

    /** The weak ETag of a resource made from this record. */
    public static String etag(Patient p) {
        return "W/\"" + p.version + "\"";
    }

    private static Meta meta(Patient p) {
        return new Meta().setVersionId(Long.toString(p.version))
                .setLastUpdatedElement(new InstantType(date(p.updatedAt), TemporalPrecisionEnum.MILLI, UTC));
    }

    private static Reference patientReference(Patient p) {
        return new Reference("Patient/" + p.id).setDisplay(p.givenName + " " + p.familyName);
    }

    private static Date date(Instant instant) {
        return instant == null ? null : Date.from(instant);
    }

    private static DateTimeType dateTime(Instant instant) {
        return new DateTimeType(date(instant), TemporalPrecisionEnum.MILLI, UTC);
    }
}
