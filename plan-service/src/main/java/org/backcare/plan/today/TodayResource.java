package org.backcare.plan.today;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.quarkus.security.Authenticated;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.backcare.platform.access.CurrentCaller;
import org.backcare.platform.web.Ids;
import org.backcare.platform.problem.Problem;
import org.backcare.platform.problem.ProblemException;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;

/** "Today" for the patient app: exercises, medications and self-management tasks due on one day. */
@Path("/patients/{patientId}/plan/today")
@Tag(name = "Today", description = "What the active plan asks of the patient today")
@Produces(MediaType.APPLICATION_JSON)
@Authenticated
public class TodayResource {

    private final TodayService today;
    private final CurrentCaller caller;

    public TodayResource(TodayService today, CurrentCaller caller) {
        this.today = today;
        this.caller = caller;
    }

    @GET
    @Operation(operationId = "getTodaysPlan", summary = "Today's tasks from the active plan",
            description = "Exercises due that day (n sessions a week are spread over fixed weekdays), medications "
                    + "active that day, pacing and practice tasks due that day, and the questionnaires of the "
                    + "assessments schedule that are due and not done yet (overdue 3 days after their due day).")
    @APIResponse(responseCode = "200", description = "The day's tasks", content = @Content(schema = @Schema(implementation = TodaySchedule.Today.class)))
    @APIResponse(responseCode = "400", description = "Malformed id or date", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "No active plan, or the patient is not visible to the caller", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public TodaySchedule.Today today(@PathParam("patientId") @Parameter(schema = @Schema(format = "uuid")) String patientId,
                                     @Parameter(description = "Another day than today", example = "2026-12-03",
                                             schema = @Schema(format = "date"))
                                     @QueryParam("date") String date) throws JsonProcessingException {
        return today.today(caller.get(), Ids.parse("patientId", patientId), day(date));
    }

    private static LocalDate day(String date) {
        if (date == null || date.isBlank()) {
            return null;
        }
        try {
            return LocalDate.parse(date);
        } catch (DateTimeParseException e) {
            throw ProblemException.badRequest("date", "'" + date + "' is not a date such as 2026-12-03");
        }
    }
}
