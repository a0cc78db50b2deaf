package io.github.camelvelaro.velaro.metrics;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.function.Supplier;

/**
 * A running poller as metrics and the dev console see it.
 *
 * @param routeId            the route it feeds
 * @param name               e.g. {@code velaro:conversations?status=open}
 * @param key                the key it polls with now, masked
 * @param cursor             the {@code updatedAt} its cursor stands at, or null before its first poll
 * @param lastSuccessfulPoll when a poll last completed with Velaro answering, or null
 */
public record WatchedPoller(String routeId, String name, Supplier<String> key, Supplier<Instant> cursor,
                            Supplier<Instant> lastSuccessfulPoll) {

    /** Now minus the cursor (never negative), or null before the first poll. */
    public Duration lag(Clock clock) {
        Instant at = cursor.get();
        if (at == null) {
            return null;
        }
        Duration lag = Duration.between(at, clock.instant());
        return lag.isNegative() ? Duration.ZERO : lag;
    }
}
