package io.github.camelvelaro.velaro.client;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.atomic.AtomicLong;

import io.github.camelvelaro.velaro.MutableClock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The governor against responses that arrive out of order and against a wall clock that is stepped: the clock and
 * the ticker are the test's, and {@code maxRetryWait} 0 makes "must wait" an immediate refusal.
 */
class GovernorOrderAndClockTest {

    private static final ApiKey KEY = ApiKey.of("vlk_" + "G".repeat(48), "apiKey");
    private static final RateLimits NO_WAIT = new RateLimits(60, 1000, 0, Duration.ZERO);

    private final MutableClock clock = new MutableClock();
    private final AtomicLong ticker = new AtomicLong(0);
    private ScheduledExecutorService scheduler;
    private RateGovernor governor;

    @BeforeEach
    void start() {
        clock.set(Instant.parse("2026-11-28T12:00:00Z"));
        scheduler = Executors.newSingleThreadScheduledExecutor();
        governor = new RateGovernor(clock, ticker::get, scheduler);
    }

    @AfterEach
    void stop() {
        governor.close();
        scheduler.shutdownNow();
    }

    private long send(RateLimits limits) {
        return governor.acquire(KEY, limits, "GET /conversations").join();
    }

    /** Whether a request may go now: granted, or refused because it would have to wait. */
    private boolean mayGo(RateLimits limits) {
        CompletableFuture<Long> permit = governor.acquire(KEY, limits, "GET /conversations");
        assertThat(permit).as("decided at once").isDone();
        return !permit.isCompletedExceptionally();
    }

    private void answer(long permit, int remaining, Instant reset) {
        governor.onResponse(KEY, permit, 200, new RateLimitHeaders(remaining, reset, null, null));
    }

    @Test
    void aLateResponseNeverRelaxesRemainingZero() {
        long first = send(NO_WAIT);
        long second = send(NO_WAIT);
        Instant reset = clock.instant().plusSeconds(30);

        answer(second, 0, reset);
        answer(first, 5, reset); // sent first, answered last
        assertThat(mayGo(NO_WAIT)).isFalse();

        // a seconds-from-now reset of a late answer drifts later by its delay: still the same window
        answer(first, 5, reset.plusSeconds(3));
        assertThat(mayGo(NO_WAIT)).isFalse();

        clock.advance(Duration.ofSeconds(34));
        assertThat(mayGo(NO_WAIT)).isTrue();
    }

    @Test
    void remainingZeroIsNotUndoneByTheAnswerToALaterRequestVelaroHappenedToCountFirst() {
        long first = send(NO_WAIT);
        long second = send(NO_WAIT);
        Instant reset = clock.instant().plusSeconds(30);

        answer(first, 0, reset); // Velaro counted the second request before this one
        answer(second, 1, reset);

        assertThat(mayGo(NO_WAIT)).isFalse();
    }

    @Test
    void inOneWindowAnOlderAnswerOnlyLowersTheCountAndANewerOneMayRaiseIt() {
        long p1 = send(NO_WAIT);
        long p2 = send(NO_WAIT);
        long p3 = send(NO_WAIT);
        long p4 = send(NO_WAIT);
        Instant reset = clock.instant().plusSeconds(30);

        answer(p2, 5, reset); // 5 after the second request: 3 once the third and fourth are counted
        assertThat(governor.snapshot(KEY, NO_WAIT).minuteRemaining()).isEqualTo(3);
        answer(p1, 9, reset); // older: cannot raise it
        assertThat(governor.snapshot(KEY, NO_WAIT).minuteRemaining()).isEqualTo(3);
        answer(p3, 6, reset); // newer: Velaro's window let some requests age out
        assertThat(governor.snapshot(KEY, NO_WAIT).minuteRemaining()).isEqualTo(5);
        answer(p4, 0, reset); // newest: spent
        answer(p3, 6, reset);

        assertThat(governor.snapshot(KEY, NO_WAIT).minuteRemaining()).isZero();
        assertThat(mayGo(NO_WAIT)).isFalse();
    }

    @Test
    void aServerThatKeepsAnsweringTheSameCountIsNotRatchetedDownByTheLocalCount() {
        RateLimits lifted = new RateLimits(100_000, 100_000, 0, Duration.ZERO);
        // a sliding window: "50 left, resets 60 s from now" on every answer, as its old requests age out
        for (int i = 0; i < 500; i++) {
            long permit = send(lifted); // fails the test if refused
            answer(permit, 50, clock.instant().plusSeconds(60));
        }

        assertThat(governor.snapshot(KEY, lifted).minuteRemaining()).isEqualTo(50);
    }

    @Test
    void anAnswerAboutAnEarlierWindowIsIgnoredAndOneAboutALaterWindowIsTaken() {
        long old = send(NO_WAIT);
        long fresh = send(NO_WAIT);
        Instant windowEnd = clock.instant().plusSeconds(1);

        answer(fresh, 59, windowEnd.plusSeconds(60)); // the fresh request already fell in the next window
        answer(old, 0, windowEnd); // the old window's last answer, late
        assertThat(mayGo(NO_WAIT)).as("a spent window that is over does not block the next").isTrue();

        long next = send(NO_WAIT);
        answer(next, 0, windowEnd.plusSeconds(60));
        assertThat(mayGo(NO_WAIT)).as("Remaining 0 in the current window blocks").isFalse();
        answer(fresh, 59, windowEnd.plusSeconds(60)); // an earlier answer about this window, again
        assertThat(mayGo(NO_WAIT)).isFalse();
    }

    @Test
    void theMinuteWindowIgnoresWallClockStepsAndFollowsTheMonotonicTicker() {
        RateLimits twoPerMinute = new RateLimits(2, 1000, 0, Duration.ZERO);
        send(twoPerMinute);
        send(twoPerMinute);
        assertThat(mayGo(twoPerMinute)).isFalse();

        clock.jump(Duration.ofSeconds(61)); // NTP steps the wall clock forward
        assertThat(mayGo(twoPerMinute)).as("after the wall clock jumped +61 s").isFalse();
        clock.jump(Duration.ofSeconds(-122));
        assertThat(mayGo(twoPerMinute)).as("after the wall clock jumped back to -61 s").isFalse();

        ticker.addAndGet(Duration.ofSeconds(59).toNanos());
        assertThat(mayGo(twoPerMinute)).as("59 s of real time later").isFalse();
        ticker.addAndGet(Duration.ofMillis(1100).toNanos());
        assertThat(mayGo(twoPerMinute)).as("a minute (and a 100 ms bucket) of real time later").isTrue();
    }

    @Test
    void aWaitIsMeasuredOnTheTickerSoAWallClockStepDoesNotFailIt() {
        RateLimits onePerMinute = new RateLimits(1, 1000, 0, Duration.ofMinutes(2));
        send(onePerMinute);
        CompletableFuture<Long> waiting = governor.acquire(KEY, onePerMinute, "GET /conversations");
        assertThat(waiting).isNotDone();

        clock.jump(Duration.ofMinutes(5)); // would make the wait look longer than maxRetryWait on the wall clock
        ticker.addAndGet(Duration.ofSeconds(61).toNanos());

        assertThat(waiting.orTimeout(5, java.util.concurrent.TimeUnit.SECONDS).join()).isEqualTo(2L);
    }
}
