package io.github.camelvelaro.velaro.model;

import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.util.Map;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.json.JsonMapper;

/**
 * The one JSON mapping of the component, shared by the client, the type converters, the webhook handler and the
 * sandbox so that the wire format is defined once.
 */
public final class VelaroJson {

    private static final TypeReference<Map<String, Object>> MAP = new TypeReference<>() {
    };

    private static final ObjectMapper MAPPER = JsonMapper.builder()
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .disable(SerializationFeature.FAIL_ON_EMPTY_BEANS)
            .build();

    // input models are read strictly: a field Velaro would reject is reported before anything is sent
    private static final ObjectMapper STRICT = MAPPER.copy()
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES);

    private VelaroJson() {
    }

    /** The shared mapper; do not reconfigure it. */
    public static ObjectMapper mapper() {
        return MAPPER;
    }

    /** A type such as {@code VelaroPage<Conversation>}. */
    public static JavaType pageOf(Class<?> item) {
        return MAPPER.getTypeFactory().constructParametricType(VelaroPage.class, item);
    }

    public static String toJson(Object value) {
        try {
            return MAPPER.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("Cannot write " + value.getClass().getSimpleName() + " as JSON: "
                                               + e.getOriginalMessage(), e);
        }
    }

    public static byte[] toJsonBytes(Object value) {
        try {
            return MAPPER.writeValueAsBytes(value);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("Cannot write " + value.getClass().getSimpleName() + " as JSON: "
                                               + e.getOriginalMessage(), e);
        }
    }

    /** The model as a {@code Map} of JSON values (instants as ISO-8601 strings, unknown fields kept). */
    public static Map<String, Object> toMap(Object value) {
        return MAPPER.convertValue(value, MAP);
    }

    public static <T> T read(byte[] json, JavaType type) throws IOException {
        return MAPPER.readValue(json, type);
    }

    public static <T> T read(byte[] json, Class<T> type) throws IOException {
        return MAPPER.readValue(json, type);
    }

    /**
     * Turns a message body (the model itself, a {@code Map}, a bean, or JSON as {@code String}, {@code byte[]},
     * {@code InputStream} or {@code Reader}) into an input model, reading strictly. A {@code Reader} is what
     * platform-http on Spring Boot hands over (a stream-cached {@code ReaderCache}); taken for a bean it would become
     * an empty input.
     *
     * @throws IllegalArgumentException naming the problem (unknown field, wrong type, not JSON)
     */
    public static <T> T readInput(Object body, Class<T> type) {
        if (type.isInstance(body)) {
            return type.cast(body);
        }
        if (body == null) {
            throw new IllegalArgumentException("the message body is empty; a " + type.getSimpleName()
                                               + ", a Map or a JSON object is expected");
        }
        ObjectReader reader = STRICT.readerFor(type);
        try {
            if (body instanceof String s) {
                return reader.readValue(s);
            }
            if (body instanceof byte[] b) {
                return reader.readValue(b);
            }
            if (body instanceof InputStream in) {
                return reader.readValue(in);
            }
            if (body instanceof Reader r) {
                return reader.readValue(r);
            }
            return STRICT.convertValue(body, type);
        } catch (UnrecognizedPropertyException e) {
            throw unknownField(type, e);
        } catch (IllegalArgumentException e) {
            if (e.getCause() instanceof UnrecognizedPropertyException u) {
                throw unknownField(type, u);
            }
            throw new IllegalArgumentException(
                    "the message body cannot be read as " + type.getSimpleName() + ": " + rootMessage(e), e);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(
                    "the message body is not a valid " + type.getSimpleName() + " JSON object: " + e.getOriginalMessage(),
                    e);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the message body", e);
        }
    }

    private static IllegalArgumentException unknownField(Class<?> type, UnrecognizedPropertyException e) {
        return new IllegalArgumentException(type.getSimpleName() + " has no field '" + e.getPropertyName()
                                            + "' (known fields: " + String.join(", ",
                                                    e.getKnownPropertyIds().stream().map(String::valueOf).sorted().toList())
                                            + ")",
                e);
    }

    private static String rootMessage(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
        }
        return t instanceof JsonProcessingException j ? j.getOriginalMessage() : String.valueOf(t.getMessage());
    }
}
