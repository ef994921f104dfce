package org.backcare.platform.web;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class StrictJsonTest {

    record Dose(int timesPerDay, String note) {
    }

    record Screening(Boolean fever, String notes) {
    }

    record Odi(List<Integer> answers) {
    }

    enum Site { LOWER_BACK, LEG_LEFT }

    record CheckIn(Set<Site> locations, Set<String> triggers, BigDecimal sleepHours, UUID id, LocalDate day,
                   Instant takenAt) {
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

    @Test
    void aNumberIsNotAYesOrNo() {
        assertThatThrownBy(() -> json.readValue("{\"fever\": 1}", Screening.class))
                .isInstanceOf(JsonMappingException.class)
                .satisfies(e -> assertThat(path(e)).isEqualTo("fever"));
        assertThatThrownBy(() -> json.readValue("{\"fever\": \"true\"}", Screening.class))
                .isInstanceOf(JsonMappingException.class);
    }

    @Test
    void textIsNotANumberAndANumberIsNotText() {
        assertThatThrownBy(() -> json.readValue("{\"answers\": [\"3\", 2]}", Odi.class))
                .isInstanceOf(JsonMappingException.class);
        assertThatThrownBy(() -> json.readValue("{\"timesPerDay\": \"2\"}", Dose.class))
                .isInstanceOf(JsonMappingException.class);
        assertThatThrownBy(() -> json.readValue("{\"fever\": false, \"notes\": 5}", Screening.class))
                .isInstanceOf(JsonMappingException.class);
        assertThatThrownBy(() -> json.readValue("{\"fever\": false, \"notes\": true}", Screening.class))
                .isInstanceOf(JsonMappingException.class);
    }

    @Test
    void anEmptyStringIsNotAbsent() {
        assertThatThrownBy(() -> json.readValue("{\"fever\": \"\"}", Screening.class))
                .isInstanceOf(JsonMappingException.class);
        assertThatThrownBy(() -> json.readValue("{\"id\": \"\"}", CheckIn.class))
                .isInstanceOf(JsonMappingException.class);
        assertThatThrownBy(() -> json.readValue("{\"day\": \"\"}", CheckIn.class))
                .isInstanceOf(JsonMappingException.class);
        assertThatThrownBy(() -> json.readValue("{\"sleepHours\": \"\"}", CheckIn.class))
                .isInstanceOf(JsonMappingException.class);
    }

    @Test
    void anItemGivenTwiceInASetIsRefusedNamingTheField() {
        assertThatThrownBy(() -> json.readValue("{\"locations\": [\"LOWER_BACK\", \"LEG_LEFT\", \"LOWER_BACK\"]}",
                CheckIn.class))
                .isInstanceOf(JsonMappingException.class)
                .hasMessageContaining("\"LOWER_BACK\" is listed twice")
                .satisfies(e -> assertThat(path(e)).isEqualTo("locations[2]"));
        assertThatThrownBy(() -> json.readValue("{\"triggers\": [\"sitting\", \"sitting\"]}", CheckIn.class))
                .isInstanceOf(JsonMappingException.class)
                .satisfies(e -> assertThat(path(e)).isEqualTo("triggers[1]"));
    }

    @Test
    void aYearOutsideTheClinicsCenturiesIsRefused() {
        for (String day : List.of("+99999-01-01", "1899-12-31", "3000-01-01", "-0001-01-01")) {
            assertThatThrownBy(() -> json.readValue("{\"day\": \"" + day + "\"}", CheckIn.class))
                    .as(day).isInstanceOf(JsonMappingException.class)
                    .hasMessageContaining("between 1900 and 2999")
                    .satisfies(e -> assertThat(path(e)).isEqualTo("day"));
        }
        assertThatThrownBy(() -> json.readValue("{\"takenAt\": \"+99999-01-01T08:00:00Z\"}", CheckIn.class))
                .isInstanceOf(JsonMappingException.class).hasMessageContaining("between 1900 and 2999");
    }

    @Test
    void wellTypedValuesAreRead() throws JsonProcessingException {
        CheckIn checkIn = json.readValue("""
                {"locations": ["LOWER_BACK", "LEG_LEFT"], "triggers": [], "sleepHours": 6, "day": "1900-01-01",
                 "takenAt": "2999-12-31T23:59:59Z", "id": "00000000-0000-4000-8000-000000000001"}""", CheckIn.class);
        assertThat(checkIn.locations()).containsExactlyInAnyOrder(Site.LOWER_BACK, Site.LEG_LEFT);
        assertThat(checkIn.sleepHours()).isEqualByComparingTo("6");
        assertThat(checkIn.day()).isEqualTo(LocalDate.of(1900, 1, 1));
        assertThat(json.readValue("{\"fever\": true, \"notes\": null}", Screening.class))
                .isEqualTo(new Screening(true, null));
        assertThat(json.readValue("{\"answers\": [3, null, 0]}", Odi.class).answers()).containsExactly(3, null, 0);
    }

    /** The field path as the problem mappers report it: "locations[2]". */
    private static String path(Throwable e) {
        StringBuilder path = new StringBuilder();
        for (JsonMappingException.Reference ref : ((JsonMappingException) e).getPath()) {
            if (ref.getFieldName() != null) {
                path.append(path.isEmpty() ? "" : ".").append(ref.getFieldName());
            } else if (ref.getIndex() >= 0) {
                path.append('[').append(ref.getIndex()).append(']');
            }
        }
        return path.toString();
    }
}
