package org.backcare.tracking.timeline;

import io.quarkus.security.Authenticated;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.backcare.platform.access.CurrentCaller;
import org.backcare.tracking.access.PatientAccess.Action;
import org.backcare.tracking.audit.AuditAction;
import org.backcare.platform.audit.AuditLog;
import org.backcare.tracking.common.Dates;
import org.backcare.platform.web.Ids;
import org.backcare.platform.web.PageOf;
import org.backcare.platform.web.PageRequest;
import org.backcare.tracking.patient.Patients;
import org.backcare.platform.problem.Problem;
import org.backcare.platform.problem.ProblemException;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/** Everything a patient reported, newest first: one index range scan on (patient, at). */
@Path("/patients/{patientId}/timeline")
@Tag(name = "Timeline", description = "Check-ins, exercise sessions, medication intakes, flare-ups, questionnaires and alerts")
@Produces(MediaType.APPLICATION_JSON)
@Authenticated
public class TimelineResource {

    static final Set<String> KINDS = Set.of("check-in", "exercise-session", "medication-intake", "flare-up",
            "questionnaire", "alert");

    private final Patients patients;
    private final AuditLog audit;
    private final CurrentCaller caller;
    private final Clock clock;

    public TimelineResource(Patients patients, AuditLog audit, CurrentCaller caller, Clock clock) {
        this.patients = patients;
        this.audit = audit;
        this.caller = caller;
        this.clock = clock;
    }

    /** One timeline line. */
    @Schema(name = "TimelineEntry")
    public record EntryView(Instant at,
                            @Schema(enumeration = {"check-in", "exercise-session", "medication-intake", "flare-up",
                                    "questionnaire", "alert"}) String kind,
                            @Schema(description = "The item's id; read it from its own endpoint for all of it") UUID itemId,
                            @Schema(type = SchemaType.OBJECT, additionalProperties = Schema.True.class,
                                    description = "What the timeline shows of the item; the members depend on kind "
                                            + "(e.g. pain and redFlags of a check-in, score and baseline of a questionnaire)")
                            Map<String, Object> summary) {
    }

    @GET
    @Transactional
    @Operation(operationId = "getTimeline", summary = "The patient's timeline", description = "Newest first; filter by date range and kind.")
    @APIResponse(responseCode = "200", description = "A page of entries")
    @APIResponse(responseCode = "400", description = "Bad date, kind or paging", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "Unknown patient, or not visible to the caller", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public PageOf<EntryView> timeline(@PathParam("patientId") @Parameter(schema = @Schema(format = "uuid")) String patientId,
                                      @QueryParam("from") @Parameter(schema = @Schema(format = "date")) String from,
                                      @QueryParam("to") @Parameter(schema = @Schema(format = "date")) String to,
                                      @QueryParam("kind") @Parameter(description = "check-in, exercise-session, medication-intake, flare-up, questionnaire or alert") String kind,
                                      @Valid @BeanParam PageRequest page) {
        UUID id = Ids.parse("patientId", patientId);
        LocalDate fromDay = Dates.parse("from", from);
        LocalDate toDay = Dates.parse("to", to);
        if (fromDay != null && toDay != null && toDay.isBefore(fromDay)) {
            throw ProblemException.badRequest("to", "must not be before from (" + fromDay + ")");
        }
        if (kind != null && !KINDS.contains(kind)) {
            throw ProblemException.badRequest("kind", "'" + kind + "' is not one of " + KINDS);
        }
        patients.authorized(caller.get(), id, Action.READ);
        Instant start = fromDay == null ? Instant.EPOCH : fromDay.atStartOfDay(clock.getZone()).toInstant();
        Instant end = (toDay == null ? LocalDate.now(clock).plusDays(1) : toDay.plusDays(1)).atStartOfDay(clock.getZone()).toInstant();
        var query = kind == null
                ? TimelineEntry.<TimelineEntry>find("patientId = ?1 and at >= ?2 and at < ?3 order by at desc, id desc", id, start, end)
                : TimelineEntry.<TimelineEntry>find("patientId = ?1 and at >= ?2 and at < ?3 and kind = ?4 order by at desc, id desc",
                id, start, end, kind);
        List<EntryView> items = query.page(page.page(), page.size()).list().stream()
                .map(e -> new EntryView(e.at, e.kind, e.itemId, e.summary)).toList();
        audit.record(caller.get(), AuditAction.TIMELINE_READ, id, null);
        return PageOf.of(items, page, query.count());
    }
}
