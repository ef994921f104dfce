package org.backcare.platform.web;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class StrictJsonTest {

    record Dose(int timesPerDay, String note) {
    }

    private final ObjectMapper json = strict();

    private static ObjectMapper strict() {
        ObjectMapper mapper = new ObjectMapper().findAndRegisterModules();
        new StrictJson().customize(mapper);
        return mapper;
    }

    @Test
    void aFractionWhereAWholeNumberBelongsIsRefused() {
        assertThatThrownBy(() -> json.readValue("{\"timesPerDay\": 1.5}", Dose.class))
                .isInstanceOf(JsonProcessingException.class);
    }

    @Test
    void aKeyGivenTwiceIsRefused() {
        assertThatThrownBy(() -> json.readValue("{\"timesPerDay\": 1, \"timesPerDay\": 2}", Dose.class))
                .isInstanceOf(JsonProcessingException.class).hasMessageContaining("Duplicate field");
    }

    @Test
    void trailingDocumentsAndNulCharactersAreRefused() {
        assertThatThrownBy(() -> json.readValue("{\"timesPerDay\": 1}{\"timesPerDay\": 2}", Dose.class))
                .isInstanceOf(JsonProcessingException.class);
        assertThatThrownBy(() -> json.readValue("{\"timesPerDay\": 1, \"note\": \"a\\u0000b\"}", Dose.class))
                .isInstanceOf(JsonProcessingException.class).hasMessageContaining("NUL");
    }

    @Test
    void aNumberIsNotADate() {
        assertThatThrownBy(() -> json.readValue("42", LocalDate.class)).isInstanceOf(JsonProcessingException.class);
    }

    @Test
    void wellFormedInputIsRead() throws JsonProcessingException {
        assertThat(json.readValue("{\"timesPerDay\": 2, \"note\": \"after meals\"}", Dose.class))
                .isEqualTo(new Dose(2, "after meals"));
    }
}
