package io.github.camelvelaro.sandbox.limits;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

import io.github.camelvelaro.velaro.client.RateLimitHeaders;

/** Writes a {@link LimitDecision} as the headers the guide names (the names are the component's constants). */
public final class RateLimitHeaderWriter {

    private RateLimitHeaderWriter() {
    }

    /** The headers for a response sent at {@code now}. */
    public static Map<String, String> headers(LimitDecision decision, ResetFormat format, Instant now) {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put(RateLimitHeaders.REMAINING, Integer.toString(decision.remaining()));
        headers.put(RateLimitHeaders.RESET, Long.toString(format == ResetFormat.EPOCH_SECONDS
                ? ceilEpochSeconds(decision.windowReset())
                : secondsUntil(now, decision.windowReset())));
        if (decision.retryAt() != null) {
            // at least 1: "retry after 0 seconds" would invite a client to hammer
            long seconds = Math.max(1, secondsUntil(now, decision.retryAt()));
            headers.put(RateLimitHeaders.RETRY_AFTER, Long.toString(seconds));
        }
        if (decision.remainingMonth() != null) {
            headers.put(RateLimitHeaders.REMAINING_MONTH, Integer.toString(decision.remainingMonth()));
        }
        return headers;
    }

    /** Whole seconds from {@code now} to {@code then}, rounded up so that waiting that long is always enough. */
    static long secondsUntil(Instant now, Instant then) {
        long millis = Math.max(0, Duration.between(now, then).toMillis());
        return (millis + 999) / 1000;
    }

    private static long ceilEpochSeconds(Instant instant) {
        return instant.getNano() == 0 ? instant.getEpochSecond() : instant.getEpochSecond() + 1;
    }
}
