package io.github.camelvelaro.velaro.consumer;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Random;

import io.github.camelvelaro.velaro.client.QuotaSnapshot;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The adaptive pacing on a simulated clock: it never spends more than its share of a UTC day (nor more than the
 * component's budget less what other endpoints spend), it keeps to maxStaleness while the budget pays for it and
 * says when it cannot, it polls more often when items change and less when they do not, and it learns the day's
 * hours. No real time passes: every decision is told the time.
 */
class AdaptivePacingTest {

    private static final Instant MIDNIGHT = Instant.parse("2026-12-01T00:00:00Z");
    private static final Duration MIN = Duration.ofSeconds(10);
    private static final Duration MAX_STALENESS = Duration.ofMinutes(15);

    /** Polls a simulated stretch of time second by second; changes come from {@code changesAt}. */
    private static final class Simulation {
        final AdaptivePacing pacing;
        final Map<Long, Long> requestsPerDay = new HashMap<>();
        final Map<Long, Long> othersPerDay = new HashMap<>();
        long longestGap;
        boolean stalenessEverUnheld;
        String firstUnheld;
        int polls;
        int dailyLimit = 1000;
        Instant lastPoll;
        int pending;

        Simulation(AdaptivePacing pacing) {
            this.pacing = pacing;
        }

        /** Runs from {@code start} for {@code seconds}; {@code changes} gives the changes made in each second. */
        void run(Instant start, long seconds, java.util.function.LongToIntFunction changes,
                 java.util.function.LongToIntFunction otherRequests, int pageSize) {
            for (long s = 0; s < seconds; s++) {
                Instant now = start.plusSeconds(s);
                long day = Math.floorDiv(now.getEpochSecond(), 86_400);
                pending += changes.applyAsInt(s);
                int others = otherRequests.applyAsInt(s);
                long usedToday = requestsPerDay.getOrDefault(day, 0L) + othersPerDay.getOrDefault(day, 0L);
                if (others > 0 && usedToday + others <= dailyLimit) {
                    othersPerDay.merge(day, (long) others, Long::sum);
                    usedToday += others;
                }
                QuotaSnapshot quota = quota(now, usedToday, dailyLimit);
                AdaptivePacing.Plan plan = pacing.plan(now, quota);
                if (!plan.stalenessHeld() && !stalenessEverUnheld) {
                    firstUnheld = now + " " + plan;
                }
                stalenessEverUnheld |= !plan.stalenessHeld();
                if (plan.usable() >= 1 && !plan.nextPoll().isAfter(now)) {
                    // one request, plus one more per further page of changes
                    long cost = 1 + Math.max(0, (pending - 1) / pageSize);
                    pacing.polled(now, pending, cost);
                    requestsPerDay.merge(day, cost, Long::sum);
                    if (lastPoll != null && Math.floorDiv(lastPoll.getEpochSecond(), 86_400) == day) {
                        longestGap = Math.max(longestGap, Duration.between(lastPoll, now).toSeconds());
                    }
                    lastPoll = now;
                    pending = 0;
                    polls++;
                }
            }
        }
    }

    static QuotaSnapshot quota(Instant now, long usedToday, int dailyLimit) {
        return new QuotaSnapshot("vlk_…abcd", 60, 0, 60, null, dailyLimit, usedToday,
                MIDNIGHT.plus(Duration.ofDays(1)), null, null);
    }

    @Test
    void neverSpendsMoreThanItsShareOfADayWhateverTheChangesDo() {
        Random random = new Random(20261203);
        for (int trial = 0; trial < 12; trial++) {
            int share = 50 + random.nextInt(500);
            // bursts of random length and intensity, quiet spells between them
            double[] hourly = new double[24 * 3];
            for (int h = 0; h < hourly.length; h++) {
                hourly[h] = random.nextInt(3) == 0 ? 0 : random.nextDouble() * random.nextInt(300);
            }
            Random changes = new Random(trial);
            Simulation sim = new Simulation(new AdaptivePacing(share, MIN, MAX_STALENESS));
            sim.dailyLimit = share * 2;
            sim.run(MIDNIGHT.plus(Duration.ofMinutes(random.nextInt(600))), 2 * 86_400,
                    s -> changes.nextDouble() < hourly[(int) (s / 3600) % hourly.length] / 3600 ? 1 : 0, s -> 0, 100);
            assertThat(sim.requestsPerDay.values()).as("trial %d, share %d", trial, share)
                    .allSatisfy(spent -> assertThat(spent).isLessThanOrEqualTo(share));
        }
    }

    @Test
    void leavesRoomForWhatOtherEndpointsSpendSoThatTheComponentsBudgetLastsTheDay() {
        Random random = new Random(7);
        for (int trial = 0; trial < 6; trial++) {
            Random others = new Random(trial);
            int othersPerHour = 5 + random.nextInt(20);
            Simulation sim = new Simulation(new AdaptivePacing(900, MIN, MAX_STALENESS));
            Random changes = new Random(trial + 100);
            sim.run(MIDNIGHT, 2 * 86_400, s -> changes.nextInt(60) == 0 ? 1 : 0,
                    s -> others.nextDouble() < othersPerHour / 3600.0 ? 1 : 0, 100);
            for (long day : sim.requestsPerDay.keySet()) {
                long total = sim.requestsPerDay.get(day) + sim.othersPerDay.getOrDefault(day, 0L);
                assertThat(total).as("trial %d day %d", trial, day).isLessThanOrEqualTo(sim.dailyLimit);
            }
        }
    }

    @Test
    void keepsToMaxStalenessWhileTheBudgetPaysForIt() {
        Simulation quiet = new Simulation(new AdaptivePacing(500, MIN, MAX_STALENESS));
        quiet.run(MIDNIGHT, 86_400, s -> 0, s -> 0, 100);
        assertThat(quiet.longestGap).isLessThanOrEqualTo(MAX_STALENESS.toSeconds() + 1);
        assertThat(quiet.stalenessEverUnheld).as(quiet.firstUnheld).isFalse();

        // a budget of 48 a day cannot pay for a poll every 15 minutes: polls are spread over the day and it says so
        Simulation poor = new Simulation(new AdaptivePacing(48, MIN, MAX_STALENESS));
        poor.run(MIDNIGHT, 86_400, s -> s % 30 == 0 ? 1 : 0, s -> 0, 100);
        assertThat(poor.stalenessEverUnheld).isTrue();
        assertThat(poor.requestsPerDay.get(MIDNIGHT.getEpochSecond() / 86_400)).isBetween(40L, 48L);
        assertThat(poor.longestGap).isGreaterThan(MAX_STALENESS.toSeconds());
    }

    @Test
    void saysWhenItsShareIsSpentAndWaitsForMidnight() {
        AdaptivePacing pacing = new AdaptivePacing(3, MIN, MAX_STALENESS);
        Instant at = MIDNIGHT.plus(Duration.ofHours(20));
        assertThat(pacing.due(at, null)).isTrue();
        pacing.polled(at, 0, 1);
        // a backlog: one poll of two pages spends the rest of the share
        at = pacing.plan(at, null).nextPoll();
        assertThat(pacing.due(at, null)).isTrue();
        pacing.polled(at, 150, 2);
        at = at.plusSeconds(1);
        AdaptivePacing.Plan spent = pacing.plan(at, null);
        assertThat(spent.usable()).isZero();
        assertThat(spent.stalenessHeld()).isFalse();
        assertThat(spent.nextPoll()).isEqualTo(MIDNIGHT.plus(Duration.ofDays(1)));
        assertThat(pacing.due(MIDNIGHT.plus(Duration.ofDays(1)).minusSeconds(1), null)).isFalse();
        // the next day's share is there at midnight
        assertThat(pacing.plan(MIDNIGHT.plus(Duration.ofDays(1)), null).usable()).isEqualTo(3);
    }

    @Test
    void pollsMoreOftenWhileItemsChangeAndLessOftenWhenQuiet() {
        AdaptivePacing pacing = new AdaptivePacing(500, MIN, MAX_STALENESS);
        Instant at = MIDNIGHT.plus(Duration.ofHours(10));
        // quiet for an hour
        Duration quietInterval = pollFor(pacing, at, Duration.ofHours(1), 0);
        // then a change every 10 seconds for an hour
        Duration busyInterval = pollFor(pacing, at.plus(Duration.ofHours(1)), Duration.ofHours(1), 0.1);
        // then quiet again
        Duration quietAgain = pollFor(pacing, at.plus(Duration.ofHours(2)), Duration.ofHours(1), 0);

        Duration even = Duration.ofSeconds(14 * 3600 / 500); // the share spread evenly over the rest of the day
        assertThat(busyInterval).isLessThan(even);
        assertThat(quietInterval).isGreaterThan(busyInterval.multipliedBy(3));
        assertThat(quietAgain).isGreaterThan(busyInterval.multipliedBy(3));
        assertThat(quietAgain).isLessThanOrEqualTo(MAX_STALENESS);
    }

    /** Polls whenever due for {@code span}, with {@code perSecond} changes a second; returns the last interval. */
    private static Duration pollFor(AdaptivePacing pacing, Instant from, Duration span, double perSecond) {
        Instant last = null;
        double pending = 0;
        Duration interval = null;
        for (long s = 0; s < span.toSeconds(); s++) {
            Instant now = from.plusSeconds(s);
            pending += perSecond;
            if (pacing.due(now, null)) {
                pacing.polled(now, (int) pending, 1);
                pending -= (int) pending;
                if (last != null) {
                    interval = Duration.between(last, now);
                }
                last = now;
            }
        }
        return interval;
    }

    @Test
    void learnsTheBusyHoursAndSpendsTheBudgetThere() {
        // three days: busy from 9 to 18 UTC, a change an hour otherwise
        Simulation sim = new Simulation(new AdaptivePacing(500, MIN, MAX_STALENESS));
        sim.run(MIDNIGHT, 3 * 86_400, s -> {
            long hour = (s / 3600) % 24;
            return hour >= 9 && hour < 18 ? (s % 20 == 0 ? 1 : 0) : (s % 3600 == 0 ? 1 : 0);
        }, s -> 0, 100);
        ChangeRate rate = sim.pacing.changeRate();
        assertThat(rate.hoursLearned()).isEqualTo(24);
        assertThat(rate.expected(12) * 3600).isBetween(150.0, 210.0);
        assertThat(rate.expected(3) * 3600).isBetween(0.5, 1.5);

        // on the third day, at 06:00, the plan already keeps most of the budget for 9 to 18
        AdaptivePacing.Plan night = sim.pacing.plan(MIDNIGHT.plus(Duration.ofDays(3)).plus(Duration.ofHours(6)), null);
        assertThat(night.interval()).isEqualTo(MAX_STALENESS);
    }
}
