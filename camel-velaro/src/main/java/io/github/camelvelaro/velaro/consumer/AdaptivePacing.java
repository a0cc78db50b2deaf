package io.github.camelvelaro.velaro.consumer;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;

import io.github.camelvelaro.velaro.client.QuotaSnapshot;

/**
 * When an adaptive poller polls next: often while its items change, seldom while they do not, never so often that its
 * share of the day's budget runs out before the UTC day does, and never less often than every {@code maxStaleness}
 * unless the budget left cannot pay for that. Pure and clock-free: every call is told the time.
 * <p>
 * At each decision the requests still usable today are shared out over the rest of the UTC day, hour by hour, in
 * proportion to the changes expected in each hour ({@link ChangeRate}: the live rate for the current hour, the
 * learned profile for the others), with at least one poll per {@code maxStaleness} in every hour. Proportional means
 * every poll is expected to find about as many changes as any other. The share of the current hour gives the interval
 * from the last poll, but no hour spends faster than {@link #MAX_BURST} times the even spread of what is left, so a
 * burst the profile did not expect cannot starve the rest of the day. Since the plan is made again from what is left
 * at every decision, spending faster than planned (a busy morning) makes the rest of the day's polls rarer, and the
 * poller does not poll at all once its share, or the component's budget less what the other endpoints are expected
 * to spend, is used up.
 */
final class AdaptivePacing {

    /** No hour spends faster than this many times the even spread of what is left today. */
    static final double MAX_BURST = 3;

    private static final long DAY = 86_400;
    private static final long HOUR = 3_600;

    private final long dailyShare;
    private final double minInterval;
    private final double maxStaleness;
    private final double exponent;
    private final ChangeRate rate = new ChangeRate();

    private Instant lastPoll;
    private long day = Long.MIN_VALUE;
    private long spentToday;

    /**
     * @param dailyShare   requests this poller may spend per UTC day
     * @param minInterval  the shortest time between two polls
     * @param maxStaleness the longest time between two polls while the budget allows it
     */
    AdaptivePacing(long dailyShare, Duration minInterval, Duration maxStaleness) {
        this(dailyShare, minInterval, maxStaleness, 1.0);
    }

    /** @param exponent polls per hour are proportional to the expected changes raised to this power (1: in proportion) */
    AdaptivePacing(long dailyShare, Duration minInterval, Duration maxStaleness, double exponent) {
        if (dailyShare < 1 || minInterval.isNegative() || maxStaleness.compareTo(minInterval) < 0
                || maxStaleness.isZero()) {
            throw new IllegalArgumentException("dailyShare must be positive and 0 <= minInterval <= maxStaleness, was "
                                               + dailyShare + ", " + minInterval + ", " + maxStaleness);
        }
        this.dailyShare = dailyShare;
        this.minInterval = minInterval.toMillis() / 1000.0;
        this.maxStaleness = maxStaleness.toMillis() / 1000.0;
        this.exponent = exponent;
    }

    /**
     * What to do at {@code now}.
     *
     * @param quota the component's quota as last known (requests used today by every endpoint), or null if unknown
     */
    synchronized Plan plan(Instant now, QuotaSnapshot quota) {
        roll(now);
        Instant midnight = LocalDate.ofInstant(now, ZoneOffset.UTC).plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant();
        double left = Math.max(1, Duration.between(now, midnight).toMillis() / 1000.0);
        long usable = usable(now, left, quota);
        if (usable < 1) {
            return new Plan(midnight, Duration.between(now, midnight), usable, spentToday, false, rate.live());
        }
        double floorPolls = left / maxStaleness;
        boolean held = usable >= Math.ceil(floorPolls);
        double interval = held ? interval(now, left, usable) : left / usable;
        interval = Math.max(minInterval, held ? Math.min(maxStaleness, interval) : interval);
        Duration wait = Duration.ofMillis((long) Math.ceil(interval * 1000));
        Instant next = lastPoll == null ? now : lastPoll.plus(wait);
        return new Plan(next, wait, usable, spentToday, held, rate.live());
    }

    /** Whether a poll is due at {@code now}. */
    boolean due(Instant now, QuotaSnapshot quota) {
        Plan plan = plan(now, quota);
        return plan.usable() >= 1 && !plan.nextPoll().isAfter(now);
    }

    /**
     * A poll that started at {@code started} found {@code changes} changes and cost {@code requests} requests
     * (failed polls too: what they cost counts).
     */
    synchronized void polled(Instant started, int changes, long requests) {
        roll(started);
        if (lastPoll != null && started.isAfter(lastPoll)) {
            rate.observe(lastPoll, started, changes);
        }
        lastPoll = started;
        spentToday += requests;
    }

    /** Requests this poller may still spend today. */
    private long usable(Instant now, double secondsLeft, QuotaSnapshot quota) {
        long usable = dailyShare - spentToday;
        if (quota != null) {
            long others = Math.max(0, quota.dailyUsed() - spentToday);
            double elapsed = Math.max(HOUR, DAY - secondsLeft);
            double reserved = others * secondsLeft / elapsed; // the others, at the pace they kept so far today
            usable = Math.min(usable, (long) Math.floor(quota.dailyLimit() - quota.dailyUsed() - reserved));
        }
        return usable;
    }

    /**
     * The current hour's share of {@code usable} polls turned into an interval: polls per hour {@code max(floor,
     * c * expected^exponent)}, with {@code c} such that the rest of the day's polls add up to {@code usable}.
     */
    private double interval(Instant now, double left, long usable) {
        long start = now.getEpochSecond();
        int slots = (int) ((left + (start % HOUR)) / HOUR) + 1;
        double[] length = new double[slots];
        double[] weight = new double[slots];
        double totalWeight = 0;
        long at = start;
        long end = start + (long) Math.ceil(left);
        for (int s = 0; s < slots && at < end; s++) {
            long slotEnd = Math.min(end, (Math.floorDiv(at, HOUR) + 1) * HOUR);
            length[s] = slotEnd - at;
            double changes = s == 0 ? rate.live() : rate.expected((int) Math.floorMod(Math.floorDiv(at, HOUR), 24L));
            weight[s] = length[s] * Math.pow(Math.max(0, changes), exponent);
            totalWeight += weight[s];
            at = slotEnd;
        }
        if (totalWeight <= 0) {
            // nothing changed since the poller started: quiet; nothing known yet: spread evenly
            return rate.known() ? maxStaleness : left / usable;
        }
        // the smallest c whose plan spends usable: sum of max(floor_s, c * weight_s) is increasing in c
        double low = 0;
        double high = usable / totalWeight * 2 + 1;
        while (planned(high, length, weight) < usable) {
            high *= 2;
        }
        for (int i = 0; i < 60; i++) {
            double mid = (low + high) / 2;
            if (planned(mid, length, weight) < usable) {
                low = mid;
            } else {
                high = mid;
            }
        }
        double pollsPerSecond = Math.min(MAX_BURST * usable / left,
                Math.max(1 / maxStaleness, high * weight[0] / Math.max(1, length[0])));
        return 1 / pollsPerSecond;
    }

    private double planned(double c, double[] length, double[] weight) {
        double polls = 0;
        for (int s = 0; s < length.length; s++) {
            polls += Math.max(length[s] / maxStaleness, c * weight[s]);
        }
        return polls;
    }

    private void roll(Instant now) {
        long today = Math.floorDiv(now.getEpochSecond(), DAY);
        if (today != day) {
            day = today;
            spentToday = 0;
        }
    }

    /** The expected change rate, per hour of the day, for tests and the benchmark. */
    ChangeRate changeRate() {
        return rate;
    }

    /**
     * @param nextPoll       when the next poll is due (the next UTC midnight when nothing is usable)
     * @param interval       the time from the last poll to the next
     * @param usable         requests the poller may still spend today
     * @param spentToday     requests it spent today
     * @param stalenessHeld  whether the budget left pays for a poll every {@code maxStaleness} until midnight
     * @param changesPerSecond the live change rate
     */
    record Plan(Instant nextPoll, Duration interval, long usable, long spentToday, boolean stalenessHeld,
                double changesPerSecond) {
    }
}
