package io.github.camelvelaro.velaro.client;

import io.github.camelvelaro.velaro.exception.VelaroConnectionException;
import io.github.camelvelaro.velaro.exception.VelaroRateLimitException;
import io.github.camelvelaro.velaro.exception.VelaroServerException;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Which failures are retried, and after how long. A request is repeated only when repeating it cannot apply it
 * twice: a 429 (Velaro did not process it) for any method; a 5xx or a lost response only for GET; a connection
 * that was refused before anything was sent for any method.
 */
final class RetryPolicy {

    static final Duration BASE_BACKOFF = Duration.ofMillis(500);
    static final Duration MAX_BACKOFF = Duration.ofSeconds(30);

    private RetryPolicy() {
    }

    /**
     * The delay before the next attempt, or null when the failure is final.
     *
     * @param attempt the number of attempts already made (1 after the first)
     * @throws VelaroRateLimitException when a 429 asks for a wait longer than {@code maxRetryWait}
     */
    static Duration retryDelay(VelaroRequest request, Throwable failure, int attempt, RateLimits limits, Instant now) {
        if (attempt > limits.maxRetries()) {
            return null;
        }
        if (failure instanceof VelaroRateLimitException e) {
            if (e.getStatusCode() != 429) {
                return null; // refused locally: nothing will change by retrying now
            }
            if (e.getRetryAt() == null) {
                return backoff(attempt);
            }
            Duration wait = Duration.between(now, e.getRetryAt());
            if (wait.compareTo(limits.maxRetryWait()) > 0) {
                throw new VelaroRateLimitException(e.getMessage() + "; retrying would mean waiting "
                                                   + RateGovernor.human(wait) + ", longer than maxRetryWait ("
                                                   + RateGovernor.human(limits.maxRetryWait()) + ")",
                        429, e.getErrorCode(), e.getRetryAt());
            }
            return wait.isNegative() ? Duration.ZERO : wait;
        }
        if (failure instanceof VelaroServerException) {
            return request.isIdempotent() ? backoff(attempt) : null;
        }
        if (failure instanceof VelaroConnectionException e) {
            return request.isIdempotent() || !e.mayHaveReachedVelaro() ? backoff(attempt) : null;
        }
        return null;
    }

    /** Exponential, capped, with jitter so that many clients do not retry in step. */
    static Duration backoff(int attempt) {
        long base = BASE_BACKOFF.toMillis() << Math.min(attempt - 1, 16);
        long capped = Math.min(base, MAX_BACKOFF.toMillis());
        return Duration.ofMillis(capped / 2 + ThreadLocalRandom.current().nextLong(capped / 2 + 1));
    }
}
