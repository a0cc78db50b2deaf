package io.github.camelvelaro.velaro.client;

import io.github.camelvelaro.velaro.exception.VelaroRateLimitException;
import java.time.Instant;

/**
 * The counts and facts the {@link RateGovernor} decides on: each key's sends in the last 60 seconds, the site's sends
 * this UTC day, and what Velaro last said (remaining requests and reset, {@code Retry-After}, the monthly cap).
 * <p>
 * {@link InMemoryQuotaStore} keeps them in this JVM (the default). A store shared by several JVMs (a database, as in
 * camel-velaro-jdbc) makes the limits hold summed over all of them and across restarts. An implementation must take
 * a permit atomically: between its check of the limits and its count of the send, no other caller, in this JVM or
 * another, may take one.
 * <p>
 * The governor owns waiting and scheduling; a store only answers, so it never blocks a thread for longer than its
 * own round trip.
 */
public interface QuotaStore {

    /**
     * Takes a permit for one request with this key if every limit allows it now, and counts it as sent.
     *
     * @param  now                      the governor's wall clock: the UTC day, Velaro's resets and Retry-After
     * @param  tick                     the governor's monotonic ticker in nanoseconds (a store with a clock of its
     *                                  own, such as a database's, may ignore it)
     * @param  what                     the request, for messages
     * @return                          a grant (with the permit's number, to give {@link #onResponse}), or when to ask
     *                                  again and why
     * @throws VelaroRateLimitException when no wait helps: the day's or the month's budget is spent
     */
    Decision acquire(ApiKey key, RateLimits limits, Instant now, long tick, Object what);

    /**
     * Takes in what a response's headers said, for any response, errors included, in whatever order they arrive.
     *
     * @param permit the number {@link #acquire} gave the request
     */
    void onResponse(ApiKey key, long permit, int status, RateLimitHeaders headers, Instant now);

    /** The quota as known now, for this key and these limits; never calls the API. */
    QuotaSnapshot snapshot(ApiKey key, RateLimits limits, Instant now, long tick);

    /**
     * When to send: now ({@code waitUntil} null, with the permit's number) or not before {@code waitUntil}, and why.
     */
    record Decision(Instant waitUntil, String reason, long permit) {

        /** Nothing stands in the way (before the permit is counted). */
        public static final Decision NOW = new Decision(null, null, 0);

        public static Decision granted(long permit) {
            return new Decision(null, null, permit);
        }

        public static Decision waitUntil(Instant until, String reason) {
            return new Decision(until, reason, 0);
        }
    }

    /** The failure for a request refused because the site's daily budget is spent. */
    static VelaroRateLimitException dailyBudgetSpent(Object what, RateLimits limits, Instant now) {
        Instant reset = RateGovernor.nextUtcMidnight(now);
        return new VelaroRateLimitException(what + " was not sent: the daily budget of " + limits.perDay()
                                            + " requests (dailyRequestLimit) is spent; it resets at " + reset,
                0, null, reset);
    }

    /** The failure for a request refused because Velaro reported the key's monthly cap reached. */
    static VelaroRateLimitException monthlyCapReached(Object what, ApiKey key, Instant until) {
        return new VelaroRateLimitException(what + " was not sent: the monthly call cap of key " + key.masked()
                                            + " is reached (X-RateLimit-Remaining-Month: 0); calls resume on " + until,
                0, null, until);
    }

    /** The reason given when Velaro's 429 asked to wait. */
    String RETRY_LATER = "Velaro asked to retry later (429)";
    /** The reason given when Velaro counted the window spent. */
    String NONE_REMAINING = "Velaro reported no requests remaining in the window (X-RateLimit-Remaining: 0)";

    /** The reason given when the key's own minute limit is reached. */
    static String minuteLimitReached(ApiKey key, RateLimits limits) {
        return "rateLimitPerMinute (" + limits.perMinute() + ") reached for key " + key.masked();
    }
}
