package io.github.camelvelaro.velaro.metrics;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.function.Supplier;

/**
 * Requests sent per hour of the current UTC day, the day Velaro's daily budget counts: 24 counters that start again
 * at midnight. Bounded, and one short lock per request.
 */
final class HourlyRequests {

    private static final int HOURS = 24;
    private static final long SECONDS_PER_HOUR = 3600;
    private static final long SECONDS_PER_DAY = HOURS * SECONDS_PER_HOUR;

    private final Supplier<Clock> clock;
    private final long[] counts = new long[HOURS];
    private long day = Long.MIN_VALUE;

    HourlyRequests(Supplier<Clock> clock) {
        this.clock = clock;
    }

    /** Counts one request now. */
    synchronized void add() {
        long second = clock.get().instant().getEpochSecond();
        roll(Math.floorDiv(second, SECONDS_PER_DAY));
        counts[(int) (Math.floorMod(second, SECONDS_PER_DAY) / SECONDS_PER_HOUR)]++;
    }

    /** Today's counts so far, with the hour now (UTC). */
    synchronized BudgetDay today(int dailyLimit) {
        Instant now = clock.get().instant();
        long second = now.getEpochSecond();
        roll(Math.floorDiv(second, SECONDS_PER_DAY));
        int hour = (int) (Math.floorMod(second, SECONDS_PER_DAY) / SECONDS_PER_HOUR);
        return new BudgetDay(LocalDate.ofInstant(now, ZoneOffset.UTC), counts.clone(), hour, dailyLimit);
    }

    private void roll(long today) {
        if (today != day) {
            Arrays.fill(counts, 0);
            day = today;
        }
    }
}
