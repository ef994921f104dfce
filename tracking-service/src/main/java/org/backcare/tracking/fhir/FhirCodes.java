package org.backcare.tracking.fhir;

/** The code systems tracking-service's FHIR resources use. */
public final class FhirCodes {

    /** Local codes for what LOINC has no fitting code for: mood, function, stress, sleep quality. */
    public static final String TRACKING_CODES = "https://backcare.example/fhir/CodeSystem/tracking";
    public static final String LOINC = "http://loinc.org";
    public static final String UCUM = "http://unitsofmeasure.org";
    public static final String OBSERVATION_CATEGORY = "http://terminology.hl7.org/CodeSystem/observation-category";

    private FhirCodes() {
    }
}
