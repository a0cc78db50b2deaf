package io.github.camelvelaro.sandbox.webhooks;

import java.time.Duration;

/**
 * When a delivery that was not acknowledged with a 2xx is tried again: after {@code initialDelay}, then each wait
 * {@code multiplier} times the previous one, never more than {@code maxDelay}, for at most {@code maxAttempts}
 * attempts in all. No jitter, so tests can predict the schedule.
 * <p>
 * Velaro redelivers for up to 24 hours (webhooks.md); a sandbox gives up much sooner by default, and tests use
 * {@link #fast()}.
 *
 * @param initialDelay wait before the second attempt
 * @param multiplier   growth of the wait from one attempt to the next (1 or more)
 * @param maxDelay     the longest wait
 * @param maxAttempts  attempts in all, the first included (1 or more)
 * @param timeout      how long one attempt waits for the receiver's answer (webhooks.md: 10 s)
 */
public record RetryPolicy(Duration initialDelay, double multiplier, Duration maxDelay, int maxAttempts,
                          Duration timeout) {

    public static final RetryPolicy DEFAULT = new RetryPolicy(Duration.ofSeconds(1), 2.0, Duration.ofMinutes(1), 8,
            Duration.ofSeconds(10));

    public RetryPolicy {
        if (initialDelay.isNegative() || maxDelay.compareTo(initialDelay) < 0 || multiplier < 1 || maxAttempts < 1
            || timeout.isZero() || timeout.isNegative()) {
            throw new IllegalArgumentException("invalid retry policy: " + initialDelay + ", x" + multiplier + ", max "
                                               + maxDelay + ", " + maxAttempts + " attempts, timeout " + timeout);
        }
    }

    /** Milliseconds between attempts, for tests: 10 ms, 20 ms, 40 ms … up to 6 attempts, 2 s timeout. */
    public static RetryPolicy fast() {
        return new RetryPolicy(Duration.ofMillis(10), 2.0, Duration.ofMillis(200), 6, Duration.ofSeconds(2));
    }

    /** The wait after failed attempt number {@code attempt} (1-based) before the next one. */
    public Duration delayAfter(int attempt) {
        double millis = initialDelay.toMillis() * Math.pow(multiplier, attempt - 1);
        return millis >= maxDelay.toMillis() ? maxDelay : Duration.ofMillis((long) millis);
    }

    public RetryPolicy withMaxAttempts(int attempts) {
        return new RetryPolicy(initialDelay, multiplier, maxDelay, attempts, timeout);
    }
}
