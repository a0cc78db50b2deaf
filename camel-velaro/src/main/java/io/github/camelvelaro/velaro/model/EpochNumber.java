package io.github.camelvelaro.velaro.model;

import java.time.Instant;

/**
 * How a number on the wire becomes an instant, for every numeric timestamp the component reads (model fields,
 * {@code X-RateLimit-Reset}).
 * <p>
 * ASSUMPTION: the guide gives no unit. A number at or above {@value #MILLIS_THRESHOLD} is epoch milliseconds (that
 * many milliseconds is March 1973; that many seconds would be the year 5138), anything smaller is epoch seconds.
 * Reading milliseconds as seconds would put an item tens of thousands of years in the future.
 */
public final class EpochNumber {

    /** Numbers at or above this are epoch milliseconds, below it epoch seconds. */
    public static final long MILLIS_THRESHOLD = 100_000_000_000L;

    private EpochNumber() {
    }

    /** The instant a numeric timestamp stands for: epoch milliseconds or epoch seconds, by magnitude. */
    public static Instant toInstant(long value) {
        return Math.abs(value) >= MILLIS_THRESHOLD ? Instant.ofEpochMilli(value) : Instant.ofEpochSecond(value);
    }
}
