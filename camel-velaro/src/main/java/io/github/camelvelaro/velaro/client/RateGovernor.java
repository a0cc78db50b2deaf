package io.github.camelvelaro.velaro.client;

import io.github.camelvelaro.velaro.exception.VelaroException;
import io.github.camelvelaro.velaro.exception.VelaroRateLimitException;
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
import java.util.function.LongSupplier;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Decides when a request may be sent, for every endpoint of a component: a sliding 60-second window per key, a
 * daily count for all keys, and what Velaro's headers said (remaining requests, reset, Retry-After, monthly cap),
 * which win over the local counts because other applications may use the same key or site.
 * <p>
 * The minute window runs on a monotonic ticker, so a wall clock that is stepped (NTP, a resumed VM) neither empties
 * nor freezes it; the UTC day, Velaro's resets and {@code Retry-After} are wall-clock instants and use the clock.
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

    /**
     * ASSUMPTION: two {@code X-RateLimit-Reset}s this close name the same window. A seconds-from-now reset is turned
     * into an instant on arrival, so it drifts with each response's delay and rounding.
     */
    static final Duration SAME_WINDOW_SLACK = Duration.ofSeconds(2);
    /**
     * A response to a request sent before the one that told us about the current window is taken as news of a later
     * window only when its reset is at least this much later: a delayed stale answer drifts later by its delay.
     */
    static final Duration LATER_WINDOW_FROM_OLDER_REQUEST = WINDOW.dividedBy(2);

    private final Clock clock;
    private final LongSupplier ticker;
    private final ScheduledExecutorService scheduler;
    private final Map<ApiKey, KeyState> keys = new ConcurrentHashMap<>();
    private final DailyCount daily = new DailyCount();
    private volatile boolean closed;
    // requests parked on the scheduler, so that close() can fail them rather than leave them hanging
    private final java.util.Set<CompletableFuture<?>> parked = ConcurrentHashMap.newKeySet();

    /** A governor whose minute window runs on {@code System.nanoTime()}. */
    public RateGovernor(Clock clock, ScheduledExecutorService scheduler) {
        this(clock, System::nanoTime, scheduler);
    }

    /**
     * @param clock     wall-clock time: the UTC day, Velaro's resets and {@code Retry-After}
     * @param ticker    monotonic nanoseconds for the minute window ({@code System::nanoTime}; tests drive their own)
     * @param scheduler where waiting requests are re-examined
     */
    public RateGovernor(Clock clock, LongSupplier ticker, ScheduledExecutorService scheduler) {
        this.clock = clock;
        this.ticker = ticker;
        this.scheduler = scheduler;
    }

    public Clock clock() {
        return clock;
    }

    /**
     * Completes when a request with this key may be sent (and counts it as sent), or fails with a
     * {@link VelaroRateLimitException} (status 0, nothing sent) when a limit is spent or the wait would be longer
     * than {@code limits.maxRetryWait()}. The value is the permit's number in the order of sending, to give
     * {@link #onResponse} with the request's response.
     *
     * @param what the request, for messages (its {@code toString()} is only called when a message is built)
     */
    public CompletableFuture<Long> acquire(ApiKey key, RateLimits limits, Object what) {
        CompletableFuture<Long> permit = new CompletableFuture<>();
        tryAcquire(state(key), limits, what, 0, false, permit);
        return permit;
    }

    /** @param waitingSince the tick when the request began to wait (read only when {@code waiting}) */
    private void tryAcquire(KeyState state, RateLimits limits, Object what, long waitingSince, boolean waiting,
                            CompletableFuture<Long> permit) {
        if (closed) {
            permit.completeExceptionally(stopping());
            return;
        }
        Instant now = clock.instant();
        long tick = ticker.getAsLong();
        long since = waiting ? waitingSince : tick;
        Decision decision;
        try {
            decision = state.decide(limits, now, tick, daily, what);
        } catch (VelaroRateLimitException e) {
            permit.completeExceptionally(e);
            return;
        }
        if (decision.waitUntil() == null) {
            permit.complete(decision.permit());
            return;
        }
        Instant until = decision.waitUntil();
        // waited so far on the ticker (immune to wall-clock steps) plus what is left
        Duration total = Duration.ofNanos(tick - since).plus(Duration.between(now, until));
        if (total.compareTo(limits.maxRetryWait()) > 0) {
            permit.completeExceptionally(new VelaroRateLimitException(
                    what + " was not sent: " + decision.reason() + " until " + until + ", a wait of "
                                                                      + human(Duration.between(now, until))
                                                                      + ", longer than maxRetryWait ("
                                                                      + human(limits.maxRetryWait()) + ")",
                    0, null, until));
            return;
        }
        if (!waiting) {
            LOG.debug("{} waits until {} for key {}: {}", what, until, state.key.masked(), decision.reason());
        }
        schedule(() -> tryAcquire(state, limits, what, since, true, permit), Duration.between(now, until), permit);
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

    /**
     * Takes in what a response's headers said; call it for every response of a REST request, errors included, in
     * whatever order they arrive.
     *
     * @param permit the number {@link #acquire} gave the request
     */
    public void onResponse(ApiKey key, long permit, int status, RateLimitHeaders headers) {
        state(key).onResponse(permit, status, headers, clock.instant());
    }

    /** The quota as known now, for this key and these limits; never calls the API. */
    public QuotaSnapshot snapshot(ApiKey key, RateLimits limits) {
        return state(key).snapshot(limits, clock.instant(), ticker.getAsLong(), daily);
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

    /** When to send: now (waitUntil null, with the permit's number) or not before {@code waitUntil}, and why. */
    record Decision(Instant waitUntil, String reason, long permit) {
        static final Decision NOW = new Decision(null, null, 0);

        static Decision granted(long permit) {
            return new Decision(null, null, permit);
        }
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
                reason = "Velaro asked to retry later (429)";
            }
            if (serverBudget != null && serverBudget <= 0 && serverReset != null
                    && (until == null || serverReset.isAfter(until))) {
                until = serverReset;
                reason = "Velaro reported no requests remaining in the window (X-RateLimit-Remaining: 0)";
            }
            long frees = window.nanosUntilFree(tick, limits.perMinute());
            if (frees > 0) {
                Instant windowFrees = now.plusNanos(frees);
                if (until == null || windowFrees.isAfter(until)) {
                    until = windowFrees;
                    reason = "rateLimitPerMinute (" + limits.perMinute() + ") reached for key " + key.masked();
                }
            }
            return until == null ? Decision.NOW : new Decision(until, reason, 0);
        }

        synchronized void onResponse(long permit, int status, RateLimitHeaders h, Instant now) {
            expire(now);
            if (h.remaining() != null) {
                // ASSUMPTION: "Remaining: 0" without a reset means a full window
                Instant reset = h.reset() != null ? h.reset() : h.remaining() <= 0 ? now.plus(WINDOW) : null;
                learnWindow(permit, h.remaining(), reset);
            } else if (h.reset() != null) {
                learnWindow(permit, null, h.reset());
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
            if (reset.isBefore(serverReset.minus(SAME_WINDOW_SLACK))) {
                return Window.EARLIER;
            }
            Duration later = permit > budgetPermit ? SAME_WINDOW_SLACK : LATER_WINDOW_FROM_OLDER_REQUEST;
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
                blocked = nextUtcMidnight(now);
            }
            if (blocked == null) {
                blocked = waitDecision(limits, now, tick).waitUntil();
            }
            return new QuotaSnapshot(key.masked(), limits.perMinute(), used, remaining, serverReset, limits.perDay(),
                    dayUsed, nextUtcMidnight(now), monthRemaining, blocked);
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
