package org.backcare.tracking.fhir;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.parser.IParser;

/** The one HAPI FHIR R4 context of the service (thread-safe and expensive to build) and the FHIR media types. */
public final class Fhir {

    public static final String JSON = "application/fhir+json";
    public static final String NDJSON = "application/fhir+ndjson";
    /** Local codes for what LOINC has no fitting code for: mood, function, stress, sleep quality. */
    public static final String TRACKING_CODES = "https://backcare.example/fhir/CodeSystem/tracking";
    public static final String LOINC = "http://loinc.org";
    public static final String UCUM = "http://unitsofmeasure.org";
    public static final String OBSERVATION_CATEGORY = "http://terminology.hl7.org/CodeSystem/observation-category";

    private static final FhirContext CONTEXT = FhirContext.forR4Cached();

    private Fhir() {
    }

    public static FhirContext context() {
        return CONTEXT;
    }

    /** A new JSON parser (parsers are cheap and not thread-safe; the context is shared). */
    public static IParser json() {
        return CONTEXT.newJsonParser().setPrettyPrint(false);
    }
}
