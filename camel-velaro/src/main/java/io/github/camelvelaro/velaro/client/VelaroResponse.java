package io.github.camelvelaro.velaro.client;

import java.time.Instant;

/**
 * A successful response: the mapped body and what the headers said about limits and time.
 *
 * @param status     the HTTP status (2xx)
 * @param body       the body mapped to the model, or null when there was none
 * @param rateLimit  the rate-limit headers of this response
 * @param dateHeader the server's {@code Date} header as sent, or null
 * @param <T>        the model type
 */
public record VelaroResponse<T>(int status, T body, RateLimitHeaders rateLimit, String dateHeader) {

    /** The server's {@code Date} header, or null when absent or malformed; parsed on demand (pollers need it). */
    public Instant serverDate() {
        return RateLimitHeaders.httpDate(dateHeader);
    }
}
