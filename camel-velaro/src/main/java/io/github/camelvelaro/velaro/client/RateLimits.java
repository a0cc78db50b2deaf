package io.github.camelvelaro.velaro.client;

import java.time.Duration;

/**
 * One endpoint's limits, applied to the counts its key and component share.
 *
 * @param perMinute    requests per key in any 60-second window ({@code rateLimitPerMinute})
 * @param perDay       requests per UTC day for all keys of the component ({@code dailyRequestLimit})
 * @param maxRetries   retries after a 429 (any method) or, for requests safe to repeat, a 5xx or I/O failure
 * @param maxRetryWait the longest single wait for a limit to reset before failing instead
 */
public record RateLimits(int perMinute, int perDay, int maxRetries, Duration maxRetryWait) {

    /** Velaro's defaults: 60 per minute per key, 1,000 per day site-wide. */
    public static final RateLimits DEFAULTS = new RateLimits(60, 1000, 3, Duration.ofMinutes(2));

    public RateLimits {
        if (perMinute < 1 || perDay < 1 || maxRetries < 0 || maxRetryWait.isNegative()) {
            throw new IllegalArgumentException("invalid rate limits " + perMinute + "/min, " + perDay + "/day, "
                                               + maxRetries + " retries, " + maxRetryWait);
        }
    }
}
