package org.backcare.tracking.questionnaire;

import io.quarkus.security.Authenticated;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.util.List;

/** The definitions of the scored instruments: reference data, no patient's, so any signed-in caller may read it. */
@Path("/questionnaires")
@Tag(name = "Questionnaires", description = "Oswestry Disability Index and the scored instruments")
@Produces(MediaType.APPLICATION_JSON)
@Authenticated
public class InstrumentCatalogueResource {

    @GET
    @Operation(operationId = "listQuestionnaireDefinitions", summary = "The instruments scored here",
            description = "Each instrument's current definition: items and the answers they accept, subscales, bands, "
                    + "missing-item rule, flags, MCID and sources. Item texts only for the PHQ-9 and GAD-7 (free to "
                    + "reproduce). The ODI is recorded at /patients/{patientId}/questionnaires/odi.")
    @APIResponse(responseCode = "200", description = "The definitions")
    public List<InstrumentDefinition> definitions() {
        return Instruments.current().stream().map(InstrumentDefinition::of).toList();
    }
}
