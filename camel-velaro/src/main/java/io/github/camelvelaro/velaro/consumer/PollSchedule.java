package io.github.camelvelaro.velaro.consumer;

import java.util.concurrent.TimeUnit;

import org.apache.camel.support.ScheduledPollConsumer;
import org.apache.camel.support.ScheduledPollEndpoint;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A poller's schedule within the daily request budget.
 * <p>
 * Without a {@code delay} in the URI, one poller spends at most half of {@code dailyRequestLimit} on its quiet polls
 * (one request each), leaving the rest for catching up on backlogs, for producers and for other pollers. An explicit
 * {@code delay} wins, with a warning at start when its quiet polls alone would exceed the daily limit.
 * {@link ScheduledPollEndpoint} keeps {@code delay} at -1 until it is set, which is how "not given" is told apart.
 */
final class PollSchedule {

    /** Failed polls in a row before backing off (401/403 fail every poll until fixed; 5xx were already retried). */
    static final int DEFAULT_BACKOFF_ERROR_THRESHOLD = 3;
    /** While backing off, one poll in this many is attempted. */
    static final int DEFAULT_BACKOFF_MULTIPLIER = 10;

    private static final Logger LOG = LoggerFactory.getLogger(PollSchedule.class);
    private static final long SECONDS_PER_DAY = 86_400;

    private PollSchedule() {
    }

    /** Seconds between polls so that one request per poll uses half the limit: ceil(86400 / (limit / 2)). */
    static long defaultDelaySeconds(int dailyRequestLimit) {
        long halfBudgetSeconds = 2 * SECONDS_PER_DAY;
        return Math.max(1, (halfBudgetSeconds + dailyRequestLimit - 1) / dailyRequestLimit);
    }

    /** Polls, and so at least requests, per day at this delay. */
    static long projectedRequestsPerDay(long delayMillis) {
        long millis = Math.max(1, delayMillis);
        return (SECONDS_PER_DAY * 1000 + millis - 1) / millis;
    }

    /**
     * Sets the budget-aware delay when the URI gave none (warns when a given one overspends), and Camel's backoff
     * options when the URI set none of them.
     *
     * @param poller e.g. {@code velaro:conversations}, for the log lines
     */
    static void apply(ScheduledPollConsumer consumer, ScheduledPollEndpoint endpoint, int dailyRequestLimit,
                      String poller) {
        TimeUnit unit = endpoint.getTimeUnit();
        if (endpoint.getDelay() < 0) {
            long seconds = defaultDelaySeconds(dailyRequestLimit);
            long delay = unit.convert(seconds, TimeUnit.SECONDS);
            if (unit.toSeconds(delay) < seconds) {
                delay++; // round up in coarse units, never poll more often than the budget allows
            }
            consumer.setDelay(delay);
            LOG.info("{} polls every {} s, within half of dailyRequestLimit={} (set delay to change it)", poller, seconds,
                    dailyRequestLimit);
        } else {
            long perDay = projectedRequestsPerDay(unit.toMillis(endpoint.getDelay()));
            if (perDay > dailyRequestLimit) {
                LOG.warn("{} polls every {} {} (delay): that is {} requests/day for quiet polls alone, more than "
                         + "dailyRequestLimit={}; polls will be skipped once the day's budget is spent. Without delay the "
                         + "poller picks {} s.",
                        poller, endpoint.getDelay(), unit.name().toLowerCase(java.util.Locale.ROOT), perDay,
                        dailyRequestLimit, defaultDelaySeconds(dailyRequestLimit));
            }
        }
        if (endpoint.getBackoffMultiplier() == 0 && endpoint.getBackoffErrorThreshold() == 0
                && endpoint.getBackoffIdleThreshold() == 0) {
            consumer.setBackoffErrorThreshold(DEFAULT_BACKOFF_ERROR_THRESHOLD);
            consumer.setBackoffMultiplier(DEFAULT_BACKOFF_MULTIPLIER);
        }
    }
}
