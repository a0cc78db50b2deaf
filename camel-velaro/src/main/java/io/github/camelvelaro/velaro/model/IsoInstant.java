package io.github.camelvelaro.velaro.model;

import java.io.IOException;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;

import com.fasterxml.jackson.annotation.JacksonAnnotationsInside;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import com.fasterxml.jackson.databind.deser.std.StdScalarDeserializer;
import com.fasterxml.jackson.databind.ser.std.StdScalarSerializer;

/**
 * Marks an {@link Instant} property as an ISO-8601 string on the wire.
 * <p>
 * The models carry their own (de)serializers so that any {@code ObjectMapper} (a user's, or the one behind
 * {@code marshal().json()}) writes and reads them correctly without registering the JSR-310 module.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target({ ElementType.FIELD, ElementType.METHOD, ElementType.PARAMETER })
@JacksonAnnotationsInside
@JsonSerialize(using = IsoInstant.Serializer.class)
@JsonDeserialize(using = IsoInstant.Deserializer.class)
public @interface IsoInstant {

    /** Writes {@code 2026-11-27T10:15:30Z}. */
    final class Serializer extends StdScalarSerializer<Instant> {
        private static final long serialVersionUID = 1L;

        public Serializer() {
            super(Instant.class);
        }

        @Override
        public void serialize(Instant value, JsonGenerator gen, SerializerProvider provider) throws IOException {
            gen.writeString(value.toString());
        }
    }

    /** Reads ISO-8601 with any offset ({@code Z}, {@code +02:00}); epoch seconds or milliseconds ({@link EpochNumber}) too. */
    final class Deserializer extends StdScalarDeserializer<Instant> {
        private static final long serialVersionUID = 1L;

        public Deserializer() {
            super(Instant.class);
        }

        /** Parses an ISO-8601 date-time with offset, as Velaro sends them. */
        public static Instant parse(String text) {
            Instant utc = parseUtc(text);
            return utc != null ? utc : OffsetDateTime.parse(text, DateTimeFormatter.ISO_OFFSET_DATE_TIME).toInstant();
        }

        /**
         * The common {@code 2026-11-27T10:15:30Z} / {@code ...30.123Z} form without the general formatter, which
         * costs about a microsecond a value (several per webhook event); null for anything else, which the
         * formatter then parses or rejects.
         */
        static Instant parseUtc(String s) {
            int n = s.length();
            if (n < 20 || n == 21 || n > 30 || s.charAt(n - 1) != 'Z' || s.charAt(4) != '-' || s.charAt(7) != '-'
                    || s.charAt(10) != 'T' || s.charAt(13) != ':' || s.charAt(16) != ':') {
                return null;
            }
            int year = digits(s, 0, 4);
            int month = digits(s, 5, 7);
            int day = digits(s, 8, 10);
            int hour = digits(s, 11, 13);
            int minute = digits(s, 14, 16);
            int second = digits(s, 17, 19);
            int nanos = 0;
            if (n > 20) {
                if (s.charAt(19) != '.') {
                    return null;
                }
                int fraction = digits(s, 20, n - 1);
                if (fraction < 0) {
                    return null;
                }
                nanos = fraction * (int) Math.pow(10, 9 - (n - 21));
            } else if (s.charAt(19) != 'Z') {
                return null;
            }
            if (year < 0 || month < 1 || month > 12 || day < 1 || hour < 0 || hour > 23 || minute < 0 || minute > 59
                    || second < 0 || second > 59 || day > java.time.YearMonth.of(year, month).lengthOfMonth()) {
                return null;
            }
            long epochDay = java.time.LocalDate.of(year, month, day).toEpochDay();
            return Instant.ofEpochSecond(epochDay * 86_400 + hour * 3600L + minute * 60L + second, nanos);
        }

        private static int digits(String s, int from, int to) {
            int value = 0;
            for (int i = from; i < to; i++) {
                char c = s.charAt(i);
                if (c < '0' || c > '9') {
                    return -1;
                }
                value = value * 10 + (c - '0');
            }
            return value;
        }

        @Override
        public Instant deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
            if (p.currentToken() == JsonToken.VALUE_NUMBER_INT) {
                return EpochNumber.toInstant(p.getLongValue());
            }
            if (!p.currentToken().isScalarValue()) {
                // an object or array is refused, not skipped: left unread, its fields would be taken for the parent's
                return (Instant) ctxt.handleUnexpectedToken(Instant.class, p);
            }
            String text = p.getValueAsString();
            if (text == null || text.isBlank()) {
                return null;
            }
            try {
                return parse(text.trim());
            } catch (DateTimeParseException e) {
                return (Instant) ctxt.handleWeirdStringValue(Instant.class, text,
                        "not an ISO-8601 date-time: %s", e.getMessage());
            }
        }
    }
}
