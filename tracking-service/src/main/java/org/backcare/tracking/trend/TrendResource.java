package org.backcare.tracking.trend;

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
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Whether the plan works: pain, adherence and sleep over 7, 30 or 90 days, and an MCID verdict. */
@Path("/patients/{patientId}/trends")
@Tag(name = "Trends", description = "Summaries and the improving / stable / worsening verdict")
@Produces(MediaType.APPLICATION_JSON)
@Authenticated
public class TrendResource {

    private final TrendService trends;
    private final CurrentCaller caller;

    public TrendResource(TrendService trends, CurrentCaller caller) {
        this.trends = trends;
        this.caller = caller;
    }

    @GET
    @Operation(operationId = "getTrends", summary = "Trend summary",
            description = "Mean, min and max pain, slope, days logged, exercise and medication adherence against the active "
                    + "plan, sleep, and a verdict against the first week's baseline: 2 NRS points or 30 %, or ODI 10 points.")
    @APIResponse(responseCode = "200", description = "The summary", content = @Content(schema = @Schema(implementation = TrendSummary.class)))
    @APIResponse(responseCode = "400", description = "days is not 7, 30 or 90", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "Unknown patient, or not visible to the caller", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public TrendSummary trend(@PathParam("patientId") @Parameter(schema = @Schema(format = "uuid")) String patientId,
                              @QueryParam("days") @Parameter(description = "7, 30 or 90", example = "30") String days)
            throws JsonProcessingException {
        int window = switch (days == null ? "30" : days.strip()) {
            case "7" -> 7;
            case "30" -> 30;
            case "90" -> 90;
            default -> throw ProblemException.badRequest("days", "'" + days + "' is not 7, 30 or 90");
        };
        return trends.trend(caller.get(), Ids.parse("patientId", patientId), window);
    }
}
