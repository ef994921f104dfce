package org.backcare.platform.web;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.BeanDescription;
import com.fasterxml.jackson.databind.DeserializationConfig;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.deser.BeanDeserializerModifier;
import com.fasterxml.jackson.databind.deser.std.DelegatingDeserializer;
import com.fasterxml.jackson.databind.deser.std.StringDeserializer;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.type.CollectionType;
import com.fasterxml.jackson.databind.type.LogicalType;
import com.fasterxml.jackson.databind.util.TokenBuffer;
import io.quarkus.jackson.ObjectMapperCustomizer;
import jakarta.inject.Singleton;

import java.io.IOException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.HashSet;
import java.util.Set;

/**
 * Jackson is lenient by default: it reads {@code "birthDate": 42} as 12 February 1970, 1.5 as 1, {@code "fever": 1}
 * as true, {@code "3"} as 3, keeps the last of two equal keys and drops the second of two equal items of a set. For
 * clinical data these are mistakes to report, not values to guess.
 */
@Singleton
public class StrictJson implements ObjectMapperCustomizer {

    /** The oldest date the clinic records (birth dates start here) and the latest any plan may reach. */
    static final int EARLIEST_YEAR = 1900;
    static final int LATEST_YEAR = 2999;

    /** Applied last, so no other customizer undoes these settings. */
    @Override
    public int priority() {
        return MINIMUM_PRIORITY;
    }

    @Override
    @SuppressWarnings("deprecation") // MapperFeature on a built mapper: the builder is not ours, Quarkus makes the mapper.
    public void customize(ObjectMapper mapper) {
        mapper.setDefaultLeniency(false);
        // 1.5 times a day is not 1 time a day: refuse a fraction where a whole number belongs.
        mapper.disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT);
        // {"dose": 5000, "dose": 500} is a client bug, not a choice for the server to make silently.
        mapper.enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);
        // {"pain": 5}{"pain": 11} is two documents: refuse, rather than keep the first.
        mapper.enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
        // {"fever": 1} is not a yes and {"answers": ["3"]} is not a score: a JSON value has the type the field has.
        // This covers number, string and boolean targets (and "" read as null there); 1 for 1.0 stays a number.
        mapper.configure(MapperFeature.ALLOW_COERCION_OF_SCALARS, false);
        mapper.enable(DeserializationFeature.FAIL_ON_NUMBERS_FOR_ENUMS);
        // ... and the other way round: {"note": 5} or {"note": true} is not text.
        mapper.coercionConfigFor(LogicalType.Textual)
                .setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
                .setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
                .setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail);
        // "" is not an absent object, UUID or date either.
        mapper.coercionConfigDefaults().setCoercion(CoercionInputShape.EmptyString, CoercionAction.Fail);
        // Values PostgreSQL cannot store are refused while parsing, where the field is still known.
        mapper.registerModule(new SimpleModule("backcare-storable-values")
                .addDeserializer(String.class, new NoNulText())
                .setDeserializerModifier(new Refusals()));
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

    /** Wraps the deserializers of sets and dates found by Jackson (and the Java time module) with their checks. */
    static final class Refusals extends BeanDeserializerModifier {
        @Override
        public JsonDeserializer<?> modifyCollectionDeserializer(DeserializationConfig config, CollectionType type,
                                                                BeanDescription beanDesc, JsonDeserializer<?> deserializer) {
            return Set.class.isAssignableFrom(type.getRawClass()) ? new UniqueItems(deserializer) : deserializer;
        }

        @Override
        public JsonDeserializer<?> modifyDeserializer(DeserializationConfig config, BeanDescription beanDesc,
                                                      JsonDeserializer<?> deserializer) {
            Class<?> type = beanDesc.getBeanClass();
            return type == LocalDate.class || type == Instant.class ? new RealisticDate(deserializer) : deserializer;
        }
    }

    /**
     * A set is documented as unique items: ["pregnancy", "pregnancy"] is a client bug (or a double tap) to report,
     * not to shrink silently to one item.
     */
    static final class UniqueItems extends DelegatingDeserializer {
        UniqueItems(JsonDeserializer<?> delegate) {
            super(delegate);
        }

        @Override
        protected JsonDeserializer<?> newDelegatingInstance(JsonDeserializer<?> delegate) {
            return new UniqueItems(delegate);
        }

        @Override
        public Object deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
            if (!p.isExpectedStartArrayToken()) {
                return super.deserialize(p, ctxt);
            }
            // Read the array twice from a copy: once as JSON values to find a repeated one, once into the set.
            TokenBuffer copy = ctxt.bufferAsCopyOfValue(p);
            try (JsonParser items = copy.asParserOnFirstToken()) {
                JsonNode array = ctxt.readTree(items);
                Set<JsonNode> seen = new HashSet<>();
                for (int i = 0; i < array.size(); i++) {
                    if (!seen.add(array.get(i))) {
                        JsonMappingException twice = JsonMappingException.from(p,
                                array.get(i) + " is listed twice; list each value once");
                        twice.prependPath(new JsonMappingException.Reference(null, i));
                        throw twice;
                    }
                }
            }
            try (JsonParser items = copy.asParserOnFirstToken()) {
                return _delegatee.deserialize(items, ctxt);
            }
        }
    }

    /** Dates in the years people and plans live in: "+99999-01-01" is valid ISO 8601 but a typo here. */
    static final class RealisticDate extends DelegatingDeserializer {
        RealisticDate(JsonDeserializer<?> delegate) {
            super(delegate);
        }

        @Override
        protected JsonDeserializer<?> newDelegatingInstance(JsonDeserializer<?> delegate) {
            return new RealisticDate(delegate);
        }

        @Override
        public Object deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
            Object value = super.deserialize(p, ctxt);
            int year = value instanceof LocalDate date ? date.getYear()
                    : value instanceof Instant instant ? instant.atOffset(ZoneOffset.UTC).getYear()
                    : EARLIEST_YEAR;
            if (year < EARLIEST_YEAR || year > LATEST_YEAR) {
                throw JsonMappingException.from(p, "'" + p.getText() + "' is not a date between " + EARLIEST_YEAR
                        + " and " + LATEST_YEAR);
            }
            return value;
        }
    }
}
