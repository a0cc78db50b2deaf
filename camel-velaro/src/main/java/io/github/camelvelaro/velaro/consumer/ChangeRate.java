package io.github.camelvelaro.velaro.consumer;

import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;

/**
 * How fast a poller's items change: now (an exponentially weighted moving average over about {@link #LIVE_TAU}) and,
 * learned over the days, in each UTC hour of the day. Pure: it is told when polls ran and what they found.
 * <p>
 * A poll that found {@code n} changes since the previous poll tells that the items changed at {@code n / interval}
 * over that interval; the changes are spread over the UTC hours the interval covers. An hour is learned only when
 * the poller watched all of it (it polled before the hour began and after it ended), and then it is blended into
 * what earlier days said ({@link #DAY_WEIGHT}).
 */
final class ChangeRate {

    /** The live rate's time constant: it follows a change of pace within minutes, not within one poll. */
    static final Duration LIVE_TAU = Duration.ofMinutes(10);
    /** The long-run rate's time constant: what an hour not learned yet is expected to bring. */
    static final Duration LONG_TAU = Duration.ofHours(12);
    /** How much the newest day counts in an hour's profile. */
    static final double DAY_WEIGHT = 0.5;

    private static final int HOURS = 24;
    private static final long HOUR = 3600;

    private double live;
    private double longRun;
    private boolean liveKnown;
    /** Changes per hour, per UTC hour of the day, as learned; NaN until learned. */
    private final double[] profile = new double[HOURS];
    /** The changes counted in the hour being watched ({@code watching}, an epoch hour number). */
    private double counted;
    private long watching = Long.MIN_VALUE;
    /** Whether the poller watched {@code watching} from its start. */
    private boolean fromStart;

    ChangeRate() {
        Arrays.fill(profile, Double.NaN);
    }

    /** A poll at {@code to} found {@code changes} made since the poll at {@code from}. */
    void observe(Instant from, Instant to, int changes) {
        double seconds = Math.max(1, Duration.between(from, to).toMillis() / 1000.0);
        double rate = changes / seconds;
        if (liveKnown) {
            double keep = Math.exp(-seconds / LIVE_TAU.toSeconds());
            live = live * keep + (1 - keep) * rate;
            double keepLong = Math.exp(-seconds / LONG_TAU.toSeconds());
            longRun = longRun * keepLong + (1 - keepLong) * rate;
        } else {
            live = rate;
            longRun = rate;
            liveKnown = true;
        }
        spread(from.getEpochSecond(), to.getEpochSecond(), rate);
    }

    /** Counts the changes of [from, to) into the hours they fall in, learning every hour that ends in it. */
    private void spread(long from, long to, double rate) {
        long hour = Math.floorDiv(from, HOUR);
        if (hour != watching) {
            // the poller did not watch the end of the hour it watched before (it was stopped): forget that one
            watching = hour;
            counted = 0;
            fromStart = false;
        }
        long at = from;
        while (at < to) {
            long end = Math.min(to, (watching + 1) * HOUR);
            counted += rate * (end - at);
            at = end;
            if (at == (watching + 1) * HOUR) {
                if (fromStart) {
                    learn((int) Math.floorMod(watching, (long) HOURS), counted);
                }
                watching++;
                counted = 0;
                fromStart = true;
            }
        }
    }

    private void learn(int hourOfDay, double changes) {
        double known = profile[hourOfDay];
        profile[hourOfDay] = Double.isNaN(known) ? changes : known * (1 - DAY_WEIGHT) + changes * DAY_WEIGHT;
    }

    /** Changes per second now; 0 before the second poll. */
    double live() {
        return live;
    }

    /**
     * Changes per second expected in this UTC hour of the day: as learned, else the mean of the hours learned, else
     * the long-run rate (over about {@link #LONG_TAU}).
     */
    double expected(int hourOfDay) {
        double known = profile[hourOfDay];
        if (!Double.isNaN(known)) {
            return known / HOUR;
        }
        double sum = 0;
        int learned = 0;
        for (double p : profile) {
            if (!Double.isNaN(p)) {
                sum += p;
                learned++;
            }
        }
        return learned == 0 ? longRun : sum / learned / HOUR;
    }

    /** Whether a rate was observed (two polls ran). */
    boolean known() {
        return liveKnown;
    }

    /** The hours of the day learned so far. */
    int hoursLearned() {
        return (int) Arrays.stream(profile).filter(p -> !Double.isNaN(p)).count();
    }
}
