package io.github.camelvelaro.velaro.client;

import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import java.util.function.Function;

import io.github.camelvelaro.velaro.model.EpochNumber;

/**
 * The rate-limit feedback of one response, with every relative value already turned into an instant.
 * <p>
 * The guide names {@code X-RateLimit-Remaining} and {@code X-RateLimit-Reset} but not the unit of the reset.
 * ASSUMPTION (openapi.yaml RateLimitReset): a value above 1,000,000,000 is a Unix epoch instant (seconds, or
 * milliseconds by {@link EpochNumber}'s rule), anything smaller is seconds from now. {@code Retry-After} is seconds or an HTTP date (RFC 9110); {@code X-RateLimit-Remaining-Month}
 * comes from a newer edition of the guide.
 *
 * @param remaining      requests left in the key's current per-minute window, or null when not sent
 * @param reset          when that window resets, or null
 * @param retryAfter     when {@code Retry-After} allows the next attempt, or null
 * @param remainingMonth calls left this calendar month on plans with a monthly cap, or null
 */
public record RateLimitHeaders(Integer remaining, Instant reset, Instant retryAfter, Integer remainingMonth) {

    public static final String REMAINING = "X-RateLimit-Remaining";
    public static final String RESET = "X-RateLimit-Reset";
    public static final String RETRY_AFTER = "Retry-After";
    public static final String REMAINING_MONTH = "X-RateLimit-Remaining-Month";

    /** Reset values above this are epoch instants, below it seconds from now. */
    static final long EPOCH_THRESHOLD = 1_000_000_000L;

    public static final RateLimitHeaders NONE = new RateLimitHeaders(null, null, null, null);

    /** Reads the headers of a response received at {@code now}; malformed values count as absent. */
    public static RateLimitHeaders parse(Function<String, String> firstValue, Instant now) {
        return new RateLimitHeaders(
                integer(Optional.ofNullable(firstValue.apply(REMAINING))),
                reset(Optional.ofNullable(firstValue.apply(RESET)), now),
                retryAfter(Optional.ofNullable(firstValue.apply(RETRY_AFTER)), now),
                integer(Optional.ofNullable(firstValue.apply(REMAINING_MONTH))));
    }

    /** An HTTP date (RFC 1123, as in {@code Date} and {@code Retry-After}), or null when absent or malformed. */
    public static Instant httpDate(String value) {
        if (value == null) {
            return null;
        }
        try {
            return ZonedDateTime.parse(value.trim(), DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    static Instant reset(Optional<String> value, Instant now) {
        Long n = number(value);
        if (n == null || n < 0) {
            return null;
        }
        return n > EPOCH_THRESHOLD ? EpochNumber.toInstant(n) : now.plusSeconds(n);
    }

    static Instant retryAfter(Optional<String> value, Instant now) {
        if (value.isEmpty()) {
            return null;
        }
        String v = value.get().trim();
        Long seconds = number(value);
        if (seconds != null) {
            return seconds < 0 ? null : now.plusSeconds(seconds);
        }
        return httpDate(v);
    }

    private static Integer integer(Optional<String> value) {
        Long n = number(value);
        return n == null ? null : (int) Math.max(Integer.MIN_VALUE, Math.min(Integer.MAX_VALUE, n));
    }

    private static Long number(Optional<String> value) {
        if (value.isEmpty()) {
            return null;
        }
        String v = value.get().trim();
        try {
            return Long.parseLong(v);
        } catch (NumberFormatException e) {
            try {
                // some servers send "30.0"
                return (long) Math.ceil(Double.parseDouble(v));
            } catch (NumberFormatException e2) {
                return null;
            }
        }
    }
}
