package io.github.camelvelaro.velaro.client;

import io.github.camelvelaro.velaro.client.QuotaStore.Decision;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The default {@link QuotaStore}: the counts of one JVM, in memory, forgotten on restart. The minute window per key
 * is a {@link SlidingWindow} on the governor's monotonic ticker; the daily count is one for all keys.
 */
public final class InMemoryQuotaStore implements QuotaStore {

    private static final Logger LOG = LoggerFactory.getLogger(InMemoryQuotaStore.class);

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
        // Velaro's X-RateLimit-Remaining as of now (what it said, minus what we sent after the request it answered);
        // null when unknown or its window is over
        private Integer serverBudget;
        private Instant serverReset;
        // the newest permit whose response shaped serverBudget/serverReset
        private long budgetPermit;
        // Velaro's own count for the current window reached 0: only a later window or its reset frees it
        private boolean spent;
        // a 429's Retry-After (or reset): nothing is sent with this key before it
        private Instant blockedUntil;
        private Integer monthRemaining;
        private Instant monthBlockedUntil;

        KeyState(ApiKey key) {
            this.key = key;
        }

        synchronized Decision decide(RateLimits limits, Instant now, long tick, DailyCount daily, Object what) {
            expire(now);
            if (monthBlockedUntil != null) {
                throw QuotaStore.monthlyCapReached(what, key, monthBlockedUntil);
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
            if (serverBudget != null) {
                serverBudget--;
            }
            return Decision.granted(++granted);
        }

        private Decision waitDecision(RateLimits limits, Instant now, long tick) {
            Instant until = null;
            String reason = null;
            if (blockedUntil != null) {
                until = blockedUntil;
                reason = QuotaStore.RETRY_LATER;
            }
            if (serverBudget != null && serverBudget <= 0 && serverReset != null
                    && (until == null || serverReset.isAfter(until))) {
                until = serverReset;
                reason = QuotaStore.NONE_REMAINING;
            }
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
            expire(now);
            if (h.remaining() != null) {
                // ASSUMPTION: "Remaining: 0" without a reset means a full window
                Instant reset = h.reset() != null ? h.reset() : h.remaining() <= 0 ? now.plus(RateGovernor.WINDOW) : null;
                learnWindow(permit, h.remaining(), reset);
            } else if (h.reset() != null) {
                learnWindow(permit, null, h.reset());
            }
            if (h.remainingMonth() != null) {
                monthRemaining = h.remainingMonth();
                if (monthRemaining <= 0 && monthBlockedUntil == null) {
                    monthBlockedUntil = RateGovernor.firstOfNextMonthUtc(now);
                    LOG.warn("Velaro reports the monthly call cap of key {} reached; no calls until {}", key.masked(),
                            monthBlockedUntil);
                }
            }
            if (status == 429) {
                Instant retryAt = VelaroErrors.retryAt(h);
                if (retryAt != null && (blockedUntil == null || retryAt.isAfter(blockedUntil))) {
                    blockedUntil = retryAt;
                }
            }
        }

        /**
         * Responses may arrive in any order, so one changes what is known only as far as it is news. About an
         * earlier window it is ignored; about a later window it replaces what was known. About the same window, the
         * answer to a request sent after the one last heard of replaces the count (Velaro's window may free requests
         * as they age out), unless Velaro already counted the window spent; any other answer can only lower it. So
         * a late {@code Remaining: 5} never undoes a {@code Remaining: 0} for the current window.
         */
        private void learnWindow(long permit, Integer remaining, Instant reset) {
            // what Velaro said, less the requests we sent after the one it answered
            Integer budget = remaining == null ? null
                    : (int) Math.max(Integer.MIN_VALUE, remaining - Math.max(0, granted - permit));
            switch (compareWindow(permit, reset)) {
                case EARLIER -> {
                    return;
                }
                case LATER -> {
                    serverBudget = budget;
                    serverReset = reset;
                    spent = false;
                }
                case SAME -> {
                    boolean newer = permit > budgetPermit;
                    if (budget != null && (serverBudget == null || budget < serverBudget || newer && !spent)) {
                        serverBudget = budget;
                    }
                    if (reset != null && (serverReset == null || reset.isAfter(serverReset))) {
                        serverReset = reset; // the later of two readings of one reset: the safe side
                    }
                }
            }
            spent |= budget != null && budget <= 0;
            budgetPermit = Math.max(budgetPermit, permit);
        }

        private enum Window { EARLIER, SAME, LATER }

        /** Which window a response with this permit and reset speaks of, relative to what is known. */
        private Window compareWindow(long permit, Instant reset) {
            if (serverBudget == null && serverReset == null) {
                return Window.LATER; // nothing known
            }
            if (reset == null) {
                // no window named: a newer answer replaces a window we know nothing about, never a known one
                return serverReset == null && permit > budgetPermit ? Window.LATER : Window.SAME;
            }
            if (serverReset == null) {
                return permit > budgetPermit ? Window.LATER : Window.SAME;
            }
            if (reset.isBefore(serverReset.minus(RateGovernor.SAME_WINDOW_SLACK))) {
                return Window.EARLIER;
            }
            Duration later = permit > budgetPermit ? RateGovernor.SAME_WINDOW_SLACK : RateGovernor.LATER_WINDOW_FROM_OLDER_REQUEST;
            return reset.isAfter(serverReset.plus(later)) ? Window.LATER : Window.SAME;
        }

        synchronized QuotaSnapshot snapshot(RateLimits limits, Instant now, long tick, DailyCount daily) {
            expire(now);
            int used = window.count(tick);
            int remaining = Math.max(0, limits.perMinute() - used);
            if (serverBudget != null) {
                remaining = Math.max(0, Math.min(remaining, serverBudget));
            }
            long dayUsed = daily.count(now);
            Instant blocked = monthBlockedUntil;
            if (blocked == null && dayUsed >= limits.perDay()) {
                blocked = RateGovernor.nextUtcMidnight(now);
            }
            if (blocked == null) {
                blocked = waitDecision(limits, now, tick).waitUntil();
            }
            return new QuotaSnapshot(key.masked(), limits.perMinute(), used, remaining, serverReset, limits.perDay(),
                    dayUsed, RateGovernor.nextUtcMidnight(now), monthRemaining, blocked);
        }

        private void expire(Instant now) {
            if (serverReset != null && !now.isBefore(serverReset)) {
                serverBudget = null;
                serverReset = null;
                spent = false;
            }
            if (blockedUntil != null && !now.isBefore(blockedUntil)) {
                blockedUntil = null;
            }
            if (monthBlockedUntil != null && !now.isBefore(monthBlockedUntil)) {
                monthBlockedUntil = null;
                monthRemaining = null;
            }
        }

    }
}
