package org.backcare.plan.fhir;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.parser.IParser;

/** The one HAPI FHIR R4 context of the service (expensive to build, thread-safe once built) and the media types. */
public final class Fhir {

    public static final String JSON = "application/fhir+json";
    public static final String NDJSON = "application/fhir+ndjson";
    public static final FhirContext CONTEXT = FhirContext.forR4Cached();

    private Fhir() {
    }

    /** A new JSON parser: parsers are cheap but not thread-safe. */
    public static IParser json() {
        return CONTEXT.newJsonParser();
    }

    /** A parser for one NDJSON line: no pretty printing, no newline. */
    public static IParser ndjson() {
        return CONTEXT.newJsonParser().setPrettyPrint(false);
    }
}
