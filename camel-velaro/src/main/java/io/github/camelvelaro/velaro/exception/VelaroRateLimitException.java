package io.github.camelvelaro.velaro.exception;

import java.time.Instant;

/**
 * A rate limit stopped the request: Velaro answered 429 after the retries, or a local limit (daily budget, monthly
 * cap, or a wait longer than allowed) refused to send it. {@link #getStatusCode()} is 429 when Velaro answered, 0
 * when nothing was sent.
 */
public class VelaroRateLimitException extends VelaroException {

    private static final long serialVersionUID = 1L;

    private final Instant retryAt;

    public VelaroRateLimitException(String message, int statusCode, String errorCode, Instant retryAt) {
        super(message, statusCode, errorCode, null);
        this.retryAt = retryAt;
    }

    /** The earliest instant at which a request is expected to be accepted again; null when unknown. */
    public Instant getRetryAt() {
        return retryAt;
    }
}
