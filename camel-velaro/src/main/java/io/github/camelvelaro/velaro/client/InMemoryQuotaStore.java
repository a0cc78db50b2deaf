package io.github.camelvelaro.velaro.client;

import io.github.camelvelaro.velaro.client.QuotaStore.Decision;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;


/**
 * The default {@link QuotaStore}: the counts of one JVM, in memory, forgotten on restart. The minute window per key
 * is a {@link SlidingWindow} on the governor's monotonic ticker; the daily count is one for all keys.
 */
public final class InMemoryQuotaStore implements QuotaStore {

    private final Map<ApiKey, KeyState> keys = new ConcurrentHashMap<>();
    private final DailyCount daily = new DailyCount();

    @Override
    public Decision acquire(ApiKey key, RateLimits limits, Instant now, long tick, Object what) {
        return state(key).decide(limits, now, tick, daily, what);
    }

    @Override
    public void onResponse(ApiKey key, long permit, int status, RateLimitHeaders headers, Instant now) {
        state(key).onResponse(permit, status, headers, now);
    }

    @Override
    public QuotaSnapshot snapshot(ApiKey key, RateLimits limits, Instant now, long tick) {
        return state(key).snapshot(limits, now, tick, daily);
    }

    private KeyState state(ApiKey key) {
        return keys.computeIfAbsent(key, KeyState::new);
    }

    /** Requests per UTC day for the whole component. */
    static final class DailyCount {
        private long day = Long.MIN_VALUE;
        private long count;

        synchronized long count(Instant now) {
            roll(now);
            return count;
        }

        /** Counts one request unless the limit is reached. */
        synchronized boolean tryReserve(Instant now, int limit) {
            roll(now);
            if (count >= limit) {
                return false;
            }
            count++;
            return true;
        }

        private void roll(Instant now) {
            long today = Math.floorDiv(now.getEpochSecond(), 86_400L); // the UTC day number, without time-zone rules
            if (today != day) {
                day = today;
                count = 0;
            }
        }
    }

    /** Everything known about one key. Guarded by its own monitor. */
    static final class KeyState {
        final ApiKey key;
        private final SlidingWindow window = new SlidingWindow();
        // permits granted so far: permit n is the n-th request sent with this key
        private long granted;
        private final ServerFeedback feedback = new ServerFeedback();

        KeyState(ApiKey key) {
            this.key = key;
        }

        synchronized Decision decide(RateLimits limits, Instant now, long tick, DailyCount daily, Object what) {
            feedback.expire(now);
            if (feedback.monthBlockedUntil() != null) {
                throw QuotaStore.monthlyCapReached(what, key, feedback.monthBlockedUntil());
            }
            if (daily.count(now) >= limits.perDay()) {
                throw QuotaStore.dailyBudgetSpent(what, limits, now);
            }
            Decision wait = waitDecision(limits, now, tick);
            if (wait != Decision.NOW) {
                return wait;
            }
            if (!daily.tryReserve(now, limits.perDay())) {
                // another key took the last request of the day between the two checks
                return decide(limits, now, tick, daily, what);
            }
            window.record(tick);
            feedback.onGranted();
            return Decision.granted(++granted);
        }

        private Decision waitDecision(RateLimits limits, Instant now, long tick) {
            Decision server = feedback.waitDecision();
            Instant until = server.waitUntil();
            String reason = server.reason();
            long frees = window.nanosUntilFree(tick, limits.perMinute());
            if (frees > 0) {
                Instant windowFrees = now.plusNanos(frees);
                if (until == null || windowFrees.isAfter(until)) {
                    until = windowFrees;
                    reason = QuotaStore.minuteLimitReached(key, limits);
                }
            }
            return until == null ? Decision.NOW : Decision.waitUntil(until, reason);
        }

        synchronized void onResponse(long permit, int status, RateLimitHeaders h, Instant now) {
            feedback.onResponse(key, permit, granted, status, h, now);
        }

        synchronized QuotaSnapshot snapshot(RateLimits limits, Instant now, long tick, DailyCount daily) {
            feedback.expire(now);
            int used = window.count(tick);
            int remaining = Math.max(0, limits.perMinute() - used);
            if (feedback.serverBudget() != null) {
                remaining = Math.max(0, Math.min(remaining, feedback.serverBudget()));
            }
            long dayUsed = daily.count(now);
            Instant blocked = feedback.monthBlockedUntil();
            if (blocked == null && dayUsed >= limits.perDay()) {
                blocked = RateGovernor.nextUtcMidnight(now);
            }
            if (blocked == null) {
                blocked = waitDecision(limits, now, tick).waitUntil();
            }
            return new QuotaSnapshot(key.masked(), limits.perMinute(), used, remaining, feedback.serverReset(),
                    limits.perDay(), dayUsed, RateGovernor.nextUtcMidnight(now), feedback.monthRemaining(), blocked);
        }
    }
}
