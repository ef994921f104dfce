package org.backcare.tracking.fhir;

import org.hl7.fhir.r4.model.DateTimeType;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.Resource;
import ca.uhn.fhir.model.api.TemporalPrecisionEnum;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Date;
import java.util.TimeZone;
import java.util.UUID;

/** What every resource of this service carries: id, meta.versionId/lastUpdated, the subject reference, dates. */
final class Resources {

    private Resources() {
    }

    static <R extends Resource> R identify(R resource, String id, long version, Instant lastUpdated) {
        resource.setId(id);
        resource.getMeta().setVersionId(Long.toString(version)).setLastUpdated(Date.from(lastUpdated));
        return resource;
    }

    static Reference patient(UUID patientId) {
        return new Reference("Patient/" + patientId);
    }

    /** A day as a FHIR date (day precision, no time zone). */
    static DateTimeType day(LocalDate day) {
        return new DateTimeType(day.toString());
    }

    /** An instant as a FHIR dateTime in UTC, to the millisecond. */
    static DateTimeType instant(Instant at) {
        return new DateTimeType(Date.from(at), TemporalPrecisionEnum.MILLI, TimeZone.getTimeZone(ZoneOffset.UTC));
    }
}
