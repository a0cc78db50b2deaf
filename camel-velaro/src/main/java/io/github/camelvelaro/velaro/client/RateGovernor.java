package io.github.camelvelaro.velaro.client;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.TemporalAdjusters;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Decides when a request may be sent, for every endpoint of a component: a sliding 60-second window per key, a
 * daily count for all keys, and what Velaro's headers said (remaining requests, reset, Retry-After, monthly cap),
 * which win over the local counts because other applications may use the same key or site.
 * <p>
 * Counts are shared; limits are the caller's ({@link RateLimits}), so endpoints configured differently each keep
 * their own limit and none can push another past its own. Waiting never blocks a thread: a request that must wait
 * is re-examined on the scheduler.
 */
public final class RateGovernor {

    private static final Logger LOG = LoggerFactory.getLogger(RateGovernor.class);

    static final Duration WINDOW = Duration.ofMinutes(1);
    /**
     * A waiting request is re-examined at least this often, so that a clock that jumps (NTP, or a test's clock)
     * is noticed without waiting out the whole computed delay.
     */
    static final long MAX_TICK_MILLIS = 1000;

    private final Clock clock;
    private final ScheduledExecutorService scheduler;
    private final Map<ApiKey, KeyState> keys = new ConcurrentHashMap<>();
    private final DailyCount daily = new DailyCount();
    private volatile boolean closed;
    // requests parked on the scheduler, so that close() can fail them rather than leave them hanging
    private final java.util.Set<CompletableFuture<?>> parked = ConcurrentHashMap.newKeySet();

    public RateGovernor(Clock clock, ScheduledExecutorService scheduler) {
        this.clock = clock;
        this.scheduler = scheduler;
    }

    public Clock clock() {
        return clock;
    }

    /**
     * Completes when a request with this key may be sent (and counts it as sent), or fails with a
     * {@link VelaroRateLimitException} (status 0, nothing sent) when a limit is spent or the wait would be longer
     * than {@code limits.maxRetryWait()}.
     *
     * @param what the request, for messages (its {@code toString()} is only called when a message is built)
     */
    public CompletableFuture<Void> acquire(ApiKey key, RateLimits limits, Object what) {
        CompletableFuture<Void> permit = new CompletableFuture<>();
        tryAcquire(state(key), limits, what, null, permit);
        return permit;
    }

    private void tryAcquire(KeyState state, RateLimits limits, Object what, Instant waitingSince,
                            CompletableFuture<Void> permit) {
        if (closed) {
            permit.completeExceptionally(stopping());
            return;
        }
        Instant now = clock.instant();
        Instant since = waitingSince == null ? now : waitingSince;
        Decision decision;
        try {
            decision = state.decide(limits, now, daily, what);
        } catch (VelaroRateLimitException e) {
            permit.completeExceptionally(e);
            return;
        }
        if (decision.waitUntil() == null) {
            permit.complete(null);
            return;
        }
        Instant until = decision.waitUntil();
        if (Duration.between(since, until).compareTo(limits.maxRetryWait()) > 0) {
            permit.completeExceptionally(new VelaroRateLimitException(
                    what + " was not sent: " + decision.reason() + " until " + until + ", a wait of "
                                                                      + human(Duration.between(now, until))
                                                                      + ", longer than maxRetryWait ("
                                                                      + human(limits.maxRetryWait()) + ")",
                    0, null, until));
            return;
        }
        if (waitingSince == null) {
            LOG.debug("{} waits until {} for key {}: {}", what, until, state.key.masked(), decision.reason());
        }
        schedule(() -> tryAcquire(state, limits, what, since, permit), Duration.between(now, until), permit);
    }

    /** Runs a task later on the governor's scheduler (waits and retries); fails the future if it cannot. */
    void schedule(Runnable task, Duration delay, CompletableFuture<?> onRejection) {
        long millis = Math.max(1, Math.min(MAX_TICK_MILLIS, delay.toMillis()));
        Runnable unlessClosed = () -> {
            parked.remove(onRejection);
            if (closed) {
                onRejection.completeExceptionally(stopping());
            } else {
                task.run();
            }
        };
        parked.add(onRejection);
        try {
            scheduler.schedule(unlessClosed, millis, TimeUnit.MILLISECONDS);
        } catch (RejectedExecutionException e) {
            parked.remove(onRejection);
            onRejection.completeExceptionally(stopping());
        }
        if (closed && parked.remove(onRejection)) {
            onRejection.completeExceptionally(stopping());
        }
    }

    /** Stops granting: every request still waiting fails now (instead of hanging), as do later ones. */
    public void close() {
        closed = true;
        for (CompletableFuture<?> waiting : parked) {
            if (parked.remove(waiting)) {
                waiting.completeExceptionally(stopping());
            }
        }
    }

    private static VelaroException stopping() {
        return new VelaroException("The Velaro component stopped while the request waited for a rate limit; not sent");
    }

    /** Runs a task on the scheduler after a delay (which may be longer than a tick: it is re-armed). */
    void scheduleAfter(Runnable task, Duration delay, CompletableFuture<?> onRejection) {
        Instant due = clock.instant().plus(delay);
        Runnable check = new Runnable() {
            @Override
            public void run() {
                Duration left = Duration.between(clock.instant(), due);
                if (left.isNegative() || left.isZero()) {
                    task.run();
                } else {
                    schedule(this, left, onRejection);
                }
            }
        };
        schedule(check, delay, onRejection);
    }

    /** Takes in what a response's headers said; call it for every response of a REST request, errors included. */
    public void onResponse(ApiKey key, int status, RateLimitHeaders headers) {
        state(key).onResponse(status, headers, clock.instant());
    }

    /** The quota as known now, for this key and these limits; never calls the API. */
    public QuotaSnapshot snapshot(ApiKey key, RateLimits limits) {
        return state(key).snapshot(limits, clock.instant(), daily);
    }

    private KeyState state(ApiKey key) {
        return keys.computeIfAbsent(key, KeyState::new);
    }

    static Instant nextUtcMidnight(Instant now) {
        return LocalDate.ofInstant(now, ZoneOffset.UTC).plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant();
    }

    static Instant firstOfNextMonthUtc(Instant now) {
        return LocalDate.ofInstant(now, ZoneOffset.UTC).with(TemporalAdjusters.firstDayOfNextMonth())
                .atStartOfDay(ZoneOffset.UTC).toInstant();
    }

    static String human(Duration d) {
        long s = Math.max(0, (d.toMillis() + 999) / 1000);
        return s >= 3600 ? s / 3600 + "h" + (s % 3600) / 60 + "m" : s >= 60 ? s / 60 + "m" + s % 60 + "s" : s + "s";
    }

    /** When to send: now (waitUntil null) or not before {@code waitUntil}, and why. */
    record Decision(Instant waitUntil, String reason) {
        static final Decision NOW = new Decision(null, null);
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
        // Velaro's last X-RateLimit-Remaining, minus what we sent since; null when unknown or its window is over
        private Integer serverBudget;
        private Instant serverReset;
        // a 429's Retry-After (or reset): nothing is sent with this key before it
        private Instant blockedUntil;
        private Integer monthRemaining;
        private Instant monthBlockedUntil;

        KeyState(ApiKey key) {
            this.key = key;
        }

        synchronized Decision decide(RateLimits limits, Instant now, DailyCount daily, Object what) {
            expire(now);
            if (monthBlockedUntil != null) {
                throw new VelaroRateLimitException(what + " was not sent: the monthly call cap of key " + key.masked()
                                                   + " is reached (X-RateLimit-Remaining-Month: 0); calls resume on "
                                                   + monthBlockedUntil,
                        0, null, monthBlockedUntil);
            }
            if (daily.count(now) >= limits.perDay()) {
                Instant reset = nextUtcMidnight(now);
                throw new VelaroRateLimitException(what + " was not sent: the daily budget of " + limits.perDay()
                                                   + " requests (dailyRequestLimit) is spent; it resets at " + reset,
                        0, null, reset);
            }
            Decision wait = waitDecision(limits, now);
            if (wait != Decision.NOW) {
                return wait;
            }
            if (!daily.tryReserve(now, limits.perDay())) {
                // another key took the last request of the day between the two checks
                return decide(limits, now, daily, what);
            }
            window.record(now);
            if (serverBudget != null) {
                serverBudget--;
            }
            return Decision.NOW;
        }

        private Decision waitDecision(RateLimits limits, Instant now) {
            Instant until = null;
            String reason = null;
            if (blockedUntil != null) {
                until = blockedUntil;
                reason = "Velaro asked to retry later (429)";
            }
            if (serverBudget != null && serverBudget <= 0 && serverReset != null
                    && (until == null || serverReset.isAfter(until))) {
                until = serverReset;
                reason = "Velaro reported no requests remaining in the window (X-RateLimit-Remaining: 0)";
            }
            Instant frees = window.freesAt(now, limits.perMinute());
            if (frees != null && (until == null || frees.isAfter(until))) {
                until = frees;
                reason = "rateLimitPerMinute (" + limits.perMinute() + ") reached for key " + key.masked();
            }
            return until == null ? Decision.NOW : new Decision(until, reason);
        }

        synchronized void onResponse(int status, RateLimitHeaders h, Instant now) {
            if (h.remaining() != null) {
                serverBudget = h.remaining();
                // ASSUMPTION: "Remaining: 0" without a reset means a full window
                serverReset = h.reset() != null ? h.reset() : h.remaining() <= 0 ? now.plus(WINDOW) : null;
            } else if (h.reset() != null) {
                serverReset = h.reset();
            }
            if (h.remainingMonth() != null) {
                monthRemaining = h.remainingMonth();
                if (monthRemaining <= 0 && monthBlockedUntil == null) {
                    monthBlockedUntil = firstOfNextMonthUtc(now);
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

        synchronized QuotaSnapshot snapshot(RateLimits limits, Instant now, DailyCount daily) {
            expire(now);
            int used = window.count(now);
            int remaining = Math.max(0, limits.perMinute() - used);
            if (serverBudget != null) {
                remaining = Math.max(0, Math.min(remaining, serverBudget));
            }
            long dayUsed = daily.count(now);
            Instant blocked = monthBlockedUntil;
            if (blocked == null && dayUsed >= limits.perDay()) {
                blocked = nextUtcMidnight(now);
            }
            if (blocked == null) {
                blocked = waitDecision(limits, now).waitUntil();
            }
            return new QuotaSnapshot(key.masked(), limits.perMinute(), used, remaining, serverReset, limits.perDay(),
                    dayUsed, nextUtcMidnight(now), monthRemaining, blocked);
        }

        private void expire(Instant now) {
            if (serverReset != null && !now.isBefore(serverReset)) {
                serverBudget = null;
                serverReset = null;
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
