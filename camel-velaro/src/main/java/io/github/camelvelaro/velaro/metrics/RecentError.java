package io.github.camelvelaro.velaro.metrics;

import java.time.Instant;

/**
 * One error the component met, as the dev console shows it; none of its texts holds a secret.
 *
 * @param at      when
 * @param source  where: an operation ({@code listConversations}) or a webhook endpoint ({@code webhook:events})
 * @param status  the HTTP status, or 0 when there was none
 * @param message what happened
 */
public record RecentError(Instant at, String source, int status, String message) {
}
