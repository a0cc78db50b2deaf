package io.github.camelvelaro.velaro.client;

import io.github.camelvelaro.velaro.exception.VelaroException;
import io.github.camelvelaro.velaro.client.QuotaStore.Decision;
import io.github.camelvelaro.velaro.exception.VelaroRateLimitException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.TemporalAdjusters;
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
 * daily count for all keys, and what Velaro's headers said (kept in a {@link QuotaStore}: this JVM's by default) (remaining requests, reset, Retry-After, monthly cap),
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
    private final QuotaStore store;
    private volatile boolean closed;
    // requests parked on the scheduler, so that close() can fail them rather than leave them hanging
    private final java.util.Set<CompletableFuture<?>> parked = ConcurrentHashMap.newKeySet();

    /** A governor whose minute window runs on {@code System.nanoTime()}. */
    public RateGovernor(Clock clock, ScheduledExecutorService scheduler) {
        this(clock, System::nanoTime, scheduler);
    }

    /** A governor whose counts live in this JVM ({@link InMemoryQuotaStore}). */
    public RateGovernor(Clock clock, LongSupplier ticker, ScheduledExecutorService scheduler) {
        this(clock, ticker, scheduler, new InMemoryQuotaStore());
    }

    /**
     * @param clock     wall-clock time: the UTC day, Velaro's resets and {@code Retry-After}
     * @param ticker    monotonic nanoseconds for the minute window ({@code System::nanoTime}; tests drive their own)
     * @param scheduler where waiting requests are re-examined
     * @param store     the counts and what Velaro said: this JVM's, or shared by several
     */
    public RateGovernor(Clock clock, LongSupplier ticker, ScheduledExecutorService scheduler, QuotaStore store) {
        this.store = store;
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
        tryAcquire(key, limits, what, 0, false, permit);
        return permit;
    }

    /** @param waitingSince the tick when the request began to wait (read only when {@code waiting}) */
    private void tryAcquire(ApiKey key, RateLimits limits, Object what, long waitingSince, boolean waiting,
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
            decision = store.acquire(key, limits, now, tick, what);
        } catch (RuntimeException e) {
            // a limit no wait helps, or a shared store that cannot be reached: the request is not sent
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
            LOG.debug("{} waits until {} for key {}: {}", what, until, key.masked(), decision.reason());
        }
        schedule(() -> tryAcquire(key, limits, what, since, true, permit), Duration.between(now, until), permit);
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
        store.onResponse(key, permit, status, headers, clock.instant());
    }

    /** The quota as known now, for this key and these limits; never calls the API. */
    public QuotaSnapshot snapshot(ApiKey key, RateLimits limits) {
        return store.snapshot(key, limits, clock.instant(), ticker.getAsLong());
    }

    public QuotaStore store() {
        return store;
    }

    public static Instant nextUtcMidnight(Instant now) {
        return LocalDate.ofInstant(now, ZoneOffset.UTC).plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant();
    }

    public static Instant firstOfNextMonthUtc(Instant now) {
        return LocalDate.ofInstant(now, ZoneOffset.UTC).with(TemporalAdjusters.firstDayOfNextMonth())
                .atStartOfDay(ZoneOffset.UTC).toInstant();
    }

    static String human(Duration d) {
        long s = Math.max(0, (d.toMillis() + 999) / 1000);
        return s >= 3600 ? s / 3600 + "h" + (s % 3600) / 60 + "m" : s >= 60 ? s / 60 + "m" + s % 60 + "s" : s + "s";
    }

}
