package org.backcare.plan.common;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.jackson.ObjectMapperCustomizer;
import jakarta.inject.Singleton;

/**
 * Jackson is lenient by default: it reads {@code "birthDate": 42} as 12 February 1970. For clinical data a number
 * where a date belongs is a mistake to report, not a value to guess.
 */
@Singleton
public class StrictJson implements ObjectMapperCustomizer {

    @Override
    public void customize(ObjectMapper mapper) {
        mapper.setDefaultLeniency(false);
    }
}
