package io.github.camelvelaro.sandbox.limits;

import java.time.Instant;

/**
 * Whether a request may go ahead, and what the rate-limit headers of its response say.
 *
 * @param allowed        false: answer 429
 * @param remaining      requests left in the key's current per-minute window
 * @param windowReset    when that window resets
 * @param retryAt        when a refused request may be retried (the latest reset among the limits it hit), else null
 * @param remainingMonth calls left this month when there is a monthly cap, else null
 * @param exceeded       which limit refused the request, else null
 */
public record LimitDecision(boolean allowed, int remaining, Instant windowReset, Instant retryAt,
                            Integer remainingMonth, Limit exceeded) {

    /** The limit a request ran into. */
    public enum Limit {
        PER_MINUTE,
        PER_DAY,
        PER_MONTH
    }
}
