package org.backcare.platform.fhir;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.parser.IParser;
import jakarta.ws.rs.core.UriInfo;

/**
 * The one FHIR R4 context (expensive to build, thread-safe, cached by HAPI) and the media types and root of every
 * service's FHIR API. Parsers are cheap and not thread-safe: take a new one for each use.
 */
public final class Fhir {

    public static final String JSON = "application/fhir+json";
    public static final String NDJSON = "application/fhir+ndjson";
    /** Every FHIR path of a service starts with this. */
    public static final String ROOT = "/fhir";

    private Fhir() {
    }

    public static FhirContext context() {
        return FhirContext.forR4Cached();
    }

    /** A compact JSON parser for responses and NDJSON lines. */
    public static IParser json() {
        return context().newJsonParser().setPrettyPrint(false);
    }

    /** Whether the request path is one of the FHIR API, so errors must be OperationOutcome, not problem+json. */
    public static boolean isFhirPath(String path) {
        return path != null && (path.equals(ROOT) || path.startsWith(ROOT + "/"));
    }

    /** The absolute base of the FHIR API as the client called it, e.g. https://host/fhir (no trailing slash). */
    public static String base(UriInfo uri) {
        String base = uri.getBaseUri().toString();
        if (base.endsWith("/")) {
            base = base.substring(0, base.length() - 1);
        }
        return base + ROOT;
    }
}
