package io.github.camelvelaro.velaro.consumer;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Locale;

/**
 * The {@code startFrom} option: where a poller without a stored offset starts.
 *
 * @param instant the start instant; null for {@code now}, which is only known once Velaro answers
 */
public record StartFrom(Instant instant) {

    /** The start of Velaro's history: an {@code updatedSince} before any item, so results still come ordered. */
    public static final Instant BEGINNING = Instant.EPOCH;

    /** Whether the start is the server's time at the first poll. */
    public boolean isNow() {
        return instant == null;
    }

    /**
     * Parses {@code now}, {@code beginning} or an ISO-8601 instant ({@code 2026-11-27T10:15:30Z} or with an offset).
     *
     * @throws IllegalArgumentException naming the option
     */
    public static StartFrom parse(String value) {
        String v = value == null ? "" : value.trim();
        switch (v.toLowerCase(Locale.ROOT)) {
            case "", "now":
                return new StartFrom(null);
            case "beginning":
                return new StartFrom(BEGINNING);
            default:
                // in an endpoint URI the + of an offset arrives decoded as a space
                return new StartFrom(parseInstant(v.replace(' ', '+')));
        }
    }

    private static Instant parseInstant(String v) {
        try {
            return Instant.parse(v);
        } catch (DateTimeParseException notUtc) {
            try {
                return OffsetDateTime.parse(v).toInstant();
            } catch (DateTimeParseException e) {
                throw new IllegalArgumentException("Option startFrom must be now, beginning or an ISO-8601 instant such as "
                                                   + "2026-11-27T10:15:30Z, was '" + v + "'");
            }
        }
    }

    @Override
    public String toString() {
        return isNow() ? "now" : instant.equals(BEGINNING) ? "beginning" : instant.toString();
    }
}
