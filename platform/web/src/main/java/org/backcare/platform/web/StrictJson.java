package org.backcare.platform.web;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.deser.std.StringDeserializer;
import com.fasterxml.jackson.databind.module.SimpleModule;
import io.quarkus.jackson.ObjectMapperCustomizer;
import jakarta.inject.Singleton;

import java.io.IOException;

/**
 * Jackson is lenient by default: it reads {@code "birthDate": 42} as 12 February 1970, 1.5 as 1 and keeps the last of
 * two equal keys. For clinical data these are mistakes to report, not values to guess.
 */
@Singleton
public class StrictJson implements ObjectMapperCustomizer {

    /** Applied last, so no other customizer undoes these settings. */
    @Override
    public int priority() {
        return MINIMUM_PRIORITY;
    }

    @Override
    public void customize(ObjectMapper mapper) {
        mapper.setDefaultLeniency(false);
        // 1.5 times a day is not 1 time a day: refuse a fraction where a whole number belongs.
        mapper.disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT);
        // {"dose": 5000, "dose": 500} is a client bug, not a choice for the server to make silently.
        mapper.enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);
        // {"pain": 5}{"pain": 11} is two documents: refuse, rather than keep the first.
        mapper.enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
        // Values PostgreSQL cannot store are refused while parsing, where the field is still known.
        mapper.registerModule(new SimpleModule("backcare-storable-values")
                .addDeserializer(String.class, new NoNulText()));
    }

    /** Text without NUL characters: PostgreSQL refuses them in text and jsonb columns. */
    static final class NoNulText extends StringDeserializer {
        @Override
        public String deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
            String value = super.deserialize(p, ctxt);
            if (value != null && value.indexOf('\u0000') >= 0) {
                throw JsonMappingException.from(p, "text must not contain NUL (\\u0000) characters");
            }
            return value;
        }
    }
}
