package org.backcare.platform.problem;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class ProblemDocumentTest {

    private final ObjectMapper json = new ObjectMapper();

    @Test
    void aValidationProblemNamesTheFieldAndLeavesOutWhatIsEmpty() {
        Problem problem = ProblemException.badRequest("size", "must be at most 100").toProblem("/patients");

        JsonNode document = json.valueToTree(problem);

        assertThat(document.get("type").asText()).isEqualTo("https://backcare.example/problems/validation");
        assertThat(document.get("status").asInt()).isEqualTo(400);
        assertThat(document.get("detail").asText()).isEqualTo("size: must be at most 100");
        assertThat(document.get("instance").asText()).isEqualTo("/patients");
        assertThat(document.get("errors").get(0).get("field").asText()).isEqualTo("size");
        assertThat(document.has("extensions")).isFalse();
    }

    @Test
    void aServicesOwnProblemTypeCarriesItsExtensionMembersAtTheTopLevel() {
        ProblemException refusal = new ProblemException(422, "medication-safety", "Medication safety check failed",
                "medication rejected", Map.of("issues", List.of(Map.of("code", "nsaid-kidney-disease"))));

        JsonNode document = json.valueToTree(refusal.toProblem("/plans/1/sections/medications"));

        assertThat(refusal.status()).isEqualTo(422);
        assertThat(document.get("type").asText()).isEqualTo("https://backcare.example/problems/medication-safety");
        assertThat(document.get("issues").get(0).get("code").asText()).isEqualTo("nsaid-kidney-disease");
        assertThat(document.has("errors")).isFalse();
    }

    @Test
    void frameworkStatusesMapToTheirProblemTypes() {
        assertThat(ProblemType.forStatus(404)).isEqualTo(ProblemType.NOT_FOUND);
        assertThat(ProblemType.forStatus(400)).isEqualTo(ProblemType.VALIDATION);
        assertThat(ProblemType.forStatus(503)).isEqualTo(ProblemType.SERVICE_UNAVAILABLE);
        assertThat(ProblemType.forStatus(502)).isEqualTo(ProblemType.INTERNAL);
    }
}
