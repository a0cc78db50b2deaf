package io.github.camelvelaro.velaro.client;

import java.time.Instant;

/**
 * What the component knows about a key's quota, without calling the API: for health checks, metrics and logs.
 *
 * @param key             the key, masked ({@code vlk_…abcd})
 * @param minuteLimit     the endpoint's {@code rateLimitPerMinute}
 * @param minuteUsed      requests sent with this key in the last 60 seconds, by this component
 * @param minuteRemaining requests left in the current window: the lower of the local count and Velaro's last
 *                        {@code X-RateLimit-Remaining} while that is current
 * @param minuteReset     when Velaro said the current window resets, or null when unknown or past
 * @param dailyLimit      the endpoint's {@code dailyRequestLimit}
 * @param dailyUsed       requests sent today (UTC) by all keys of the component
 * @param dailyReset      the next UTC midnight
 * @param monthRemaining  Velaro's last {@code X-RateLimit-Remaining-Month}, or null when it never sent one
 * @param blockedUntil    when the next request may be sent if it cannot be sent now, else null
 */
public record QuotaSnapshot(String key, int minuteLimit, int minuteUsed, int minuteRemaining, Instant minuteReset,
                            int dailyLimit, long dailyUsed, Instant dailyReset, Integer monthRemaining,
                            Instant blockedUntil) {
}
