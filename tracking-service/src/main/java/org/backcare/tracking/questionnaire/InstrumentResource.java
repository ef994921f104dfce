package org.backcare.tracking.questionnaire;

import io.quarkus.security.Authenticated;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.backcare.platform.access.CurrentCaller;
import org.backcare.platform.access.Role;
import org.backcare.platform.problem.Problem;
import org.backcare.platform.web.Ids;
import org.backcare.platform.web.PageOf;
import org.backcare.platform.web.PageRequest;
import org.backcare.tracking.common.Dates;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * A patient's results of the scored instruments (PHQ-9, GAD-7, STarT Back, PCS, TSK-11, PSEQ); their definitions are
 * at {@link InstrumentCatalogueResource}. The ODI keeps its own endpoints ({@link QuestionnaireResource}), whose
 * literal path wins over {instrument} for "odi".
 */
@Path("/patients/{patientId}/questionnaires/{instrument}")
@Tag(name = "Questionnaires", description = "Oswestry Disability Index and the scored instruments")
@Produces(MediaType.APPLICATION_JSON)
@Authenticated
public class InstrumentResource {

    private final InstrumentService instruments;
    private final CurrentCaller caller;

    public InstrumentResource(InstrumentService instruments, CurrentCaller caller) {
        this.instruments = instruments;
        this.caller = caller;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Role.PATIENT, Role.PHYSICIAN, Role.PHYSICAL_THERAPIST, Role.PSYCHOLOGIST})
    @Operation(operationId = "recordQuestionnaire", summary = "Record a scored instrument",
            description = "Answers by item, scored here with the instrument's current definition (GET "
                    + "/questionnaires): score, subscales, band (STarT Back: risk stratum) and flags.")
    @APIResponse(responseCode = "201", description = "Scored and stored", content = @Content(schema = @Schema(implementation = InstrumentService.InstrumentResult.class)))
    @APIResponse(responseCode = "400", description = "Not one answer per item, an answer outside its item's range (errors[].field names answers[i], item i + 1), or too many (or a required) items unanswered", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "403", description = "Not the patient nor a clinician on the team", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "Unknown patient or instrument, or a patient not visible to the caller", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response record(@PathParam("patientId") @Parameter(schema = @Schema(format = "uuid")) String patientId,
                           @PathParam("instrument") @Parameter(description = "The instrument id", schema = @Schema(enumeration = {
                                   Instruments.START_BACK, Instruments.PHQ_9, Instruments.GAD_7, Instruments.PCS,
                                   Instruments.TSK_11, Instruments.PSEQ})) String instrument,
                           @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON,
                                   schema = @Schema(implementation = InstrumentService.AnswersRequest.class),
                                   examples = {
                                           @ExampleObject(name = "phq-9", summary = "PHQ-9, items 0-3 (item 9 always answered)",
                                                   value = "{\"answers\": [1, 2, 0, 1, 1, 0, 2, 1, 0]}"),
                                           @ExampleObject(name = "start-back", summary = "STarT Back: items 1-8 agree 1 / disagree 0, item 9 0-4",
                                                   value = "{\"answers\": [1, 0, 1, 1, 0, 1, 1, 0, 3]}"),
                                           @ExampleObject(name = "gad-7-one-skipped", summary = "GAD-7 with item 5 skipped (prorated)",
                                                   value = "{\"answers\": [2, 1, 2, 1, null, 0, 1]}")}))
                           @Valid @NotNull InstrumentService.AnswersRequest request) {
        var patient = Ids.parse("patientId", patientId);
        Instrument definition = InstrumentService.instrument(instrument);
        return Response.status(201).entity(instruments.record(caller.get(), patient, definition, request)).build();
    }

    @GET
    @Operation(operationId = "listQuestionnaireResults", summary = "The patient's results of an instrument",
            description = "Newest first, each read with the definition version it was scored with.")
    @APIResponse(responseCode = "200", description = "A page of results")
    @APIResponse(responseCode = "404", description = "Unknown patient or instrument, or a patient not visible to the caller", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public PageOf<InstrumentService.InstrumentResult> list(@PathParam("patientId") @Parameter(schema = @Schema(format = "uuid")) String patientId,
                                                     @PathParam("instrument") @Parameter(description = "The instrument id", schema = @Schema(enumeration = {
                                                             Instruments.START_BACK, Instruments.PHQ_9, Instruments.GAD_7, Instruments.PCS,
                                                             Instruments.TSK_11, Instruments.PSEQ})) String instrument,
                                                     @Valid @BeanParam PageRequest page) {
        var patient = Ids.parse("patientId", patientId);
        Instrument definition = InstrumentService.instrument(instrument);
        return instruments.list(caller.get(), patient, definition, page);
    }
    @GET
    @Path("trend")
    @Operation(operationId = "getQuestionnaireTrend", summary = "The patient's score series of an instrument",
            description = "The results from `from` to `to` (default: the 12 months up to today; at most 5 years), oldest "
                    + "first, with the change from the first result in the window to the latest and from the previous "
                    + "result to the latest, each judged against the instrument's minimal clinically important "
                    + "difference (PHQ-9 5 points, GAD-7 4, TSK-11 4, PSEQ 5.5, PCS 38 % of the earlier score), and a "
                    + "verdict: better or worse when the change since the first result reaches the MCID, otherwise "
                    + "unchanged. higherIsWorse is taken into account (a PSEQ going up is better).")
    @APIResponse(responseCode = "200", description = "The series", content = @Content(schema = @Schema(implementation = InstrumentService.TrendView.class),
            examples = @ExampleObject(name = "phq-9-worse", summary = "A PHQ-9 worse by the MCID",
                    value = "{\"instrument\": \"phq-9\", \"from\": \"2025-12-07\", \"to\": \"2026-12-07\", "
                            + "\"higherIsWorse\": true, \"mcidPoints\": 5, \"mcidPercent\": null, \"results\": ["
                            + "{\"questionnaireId\": \"2b3c4d5e-6f70-4182-93a4-b5c6d7e8f901\", \"day\": \"2026-10-12\", \"score\": 7, \"band\": \"mild\"}, "
                            + "{\"questionnaireId\": \"5d6e7f80-9102-4a3b-8c4d-5e6f7a8b9c0d\", \"day\": \"2026-11-09\", \"score\": 8, \"band\": \"mild\"}, "
                            + "{\"questionnaireId\": \"7a4f2c1e-3b5d-4e6f-8a9b-0c1d2e3f4a5b\", \"day\": \"2026-12-07\", \"score\": 14, \"band\": \"moderate\"}], "
                            + "\"sinceFirst\": {\"fromDay\": \"2026-10-12\", \"fromScore\": 7, \"toDay\": \"2026-12-07\", \"toScore\": 14, "
                            + "\"points\": 7, \"clinicallyImportant\": true, \"direction\": \"worse\"}, "
                            + "\"sincePrevious\": {\"fromDay\": \"2026-11-09\", \"fromScore\": 8, \"toDay\": \"2026-12-07\", \"toScore\": 14, "
                            + "\"points\": 6, \"clinicallyImportant\": true, \"direction\": \"worse\"}, \"verdict\": \"worse\"}")))
    @APIResponse(responseCode = "400", description = "from or to is not a date, to is before from, or the window is longer than 5 years", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "Unknown patient or instrument, or a patient not visible to the caller", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public InstrumentService.TrendView trend(@PathParam("patientId") @Parameter(schema = @Schema(format = "uuid")) String patientId,
                                             @PathParam("instrument") @Parameter(description = "The instrument id", schema = @Schema(enumeration = {
                                                     Instruments.START_BACK, Instruments.PHQ_9, Instruments.GAD_7, Instruments.PCS,
                                                     Instruments.TSK_11, Instruments.PSEQ})) String instrument,
                                             @QueryParam("from") @Parameter(description = "First day (default: 12 months before to)",
                                                     schema = @Schema(format = "date"), example = "2025-12-07") String from,
                                             @QueryParam("to") @Parameter(description = "Last day (default: today)",
                                                     schema = @Schema(format = "date"), example = "2026-12-07") String to) {
        var patient = Ids.parse("patientId", patientId);
        Instrument definition = InstrumentService.instrument(instrument);
        return instruments.trend(caller.get(), patient, definition, Dates.parse("from", from), Dates.parse("to", to));
    }
}
