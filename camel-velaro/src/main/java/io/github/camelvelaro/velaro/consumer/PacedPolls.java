package io.github.camelvelaro.velaro.consumer;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

import io.github.camelvelaro.velaro.client.QuotaSnapshot;
import org.apache.camel.support.ScheduledPollConsumer;
import org.apache.camel.support.ScheduledPollEndpoint;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code pacing=adaptive} wired to a poller: Camel's scheduler runs the poll task every {@link #TICK}, and each run
 * asks {@link AdaptivePacing} whether a poll is due; when it is not, the run returns without a request. So the pacing
 * works with whatever runs the poll task (Camel's scheduler, a shared one, a test's manual one).
 */
final class PacedPolls {

    /** How often an adaptive poller asks whether a poll is due: the delay it adds at most. */
    static final Duration TICK = Duration.ofSeconds(1);
    /** The shortest time between two polls when {@code delay} is not given. */
    static final Duration DEFAULT_MIN_INTERVAL = Duration.ofSeconds(10);

    static final String PACING = "velaro.pacing";
    static final String NEXT_POLL = "velaro.pacing.next.poll";
    static final String INTERVAL = "velaro.pacing.interval";
    static final String REQUESTS_TODAY = "velaro.pacing.requests.today";
    static final String REQUESTS_USABLE = "velaro.pacing.requests.usable";
    static final String CHANGES_PER_HOUR = "velaro.pacing.changes.per.hour";
    static final String STALENESS_HELD = "velaro.pacing.max.staleness.held";
    static final String NOTE = "velaro.pacing.note";

    /** The most item ids remembered per hour. */
    static final int MAX_SEEN = 10_000;

    private static final Logger LOG = LoggerFactory.getLogger(PacedPolls.class);

    private final AdaptivePacing pacing;
    private final Clock clock;
    private final Supplier<QuotaSnapshot> quota;
    private final Duration maxStaleness;
    private volatile AdaptivePacing.Plan last;
    private Instant started;
    /** Items delivered in the current UTC hour: a change is an item that changed in the hour, however often. */
    private final java.util.Set<String> seenThisHour = new java.util.HashSet<>();
    private long hour = Long.MIN_VALUE;
    private int changed;

    PacedPolls(AdaptivePacing pacing, Clock clock, Supplier<QuotaSnapshot> quota, Duration maxStaleness) {
        this.pacing = pacing;
        this.clock = clock;
        this.quota = quota;
        this.maxStaleness = maxStaleness;
    }

    /**
     * With {@code pacing=adaptive}: sets the poll task to run every {@link #TICK} and returns the pacing; else null
     * (and nothing is changed). The poller's share is half of {@code dailyRequestLimit}, as for the fixed default;
     * an explicit {@code delay} is the shortest time between two polls.
     */
    static PacedPolls configure(ScheduledPollConsumer consumer, ScheduledPollEndpoint endpoint, PacingOptions options,
                                int dailyRequestLimit, String poller, Clock clock, Supplier<QuotaSnapshot> quota) {
        if (!options.isAdaptive()) {
            return null;
        }
        Duration min = endpoint.getDelay() < 0 ? DEFAULT_MIN_INTERVAL
                : Duration.ofMillis(endpoint.getTimeUnit().toMillis(endpoint.getDelay()));
        Duration max = options.maxStalenessDuration();
        if (max.compareTo(min) < 0) {
            throw new IllegalArgumentException("Option maxStaleness (" + max + ") must not be shorter than delay ("
                                               + min + "), the shortest time between two polls with pacing=adaptive");
        }
        long share = Math.max(1, dailyRequestLimit / 2);
        consumer.setTimeUnit(TimeUnit.MILLISECONDS);
        consumer.setDelay(TICK.toMillis());
        LOG.info("{} paces its polls to its changes: at most {} requests a day (half of dailyRequestLimit={}), one poll "
                 + "every {} to {} while the day's budget allows", poller, share, dailyRequestLimit, min, max);
        return new PacedPolls(new AdaptivePacing(share, min, max), clock, quota, max);
    }

    /** Whether the poll task's run now is to do nothing (no poll due). */
    boolean skip() {
        Instant now = clock.instant();
        AdaptivePacing.Plan plan = pacing.plan(now, quota.get());
        last = plan;
        if (plan.usable() < 1 || plan.nextPoll().isAfter(now)) {
            return true;
        }
        started = now;
        changed = 0;
        return false;
    }

    /**
     * An item was delivered. Items count once per UTC hour: a poller that polls often delivers every version of a
     * busy conversation, one that polls seldom only the last, and the pace must not feed on itself.
     */
    void delivered(String id) {
        long current = Math.floorDiv(clock.instant().getEpochSecond(), 3600);
        if (current != hour) {
            hour = current;
            seenThisHour.clear();
        }
        // bounded: past MAX_SEEN items in one hour every delivery counts (the pace is then fast anyway)
        if (seenThisHour.size() >= MAX_SEEN || seenThisHour.add(id)) {
            changed++;
        }
    }

    /** The poll let through by {@link #skip()} ended, having sent {@code requests}. */
    void ended(long requests) {
        pacing.polled(started, changed, requests);
    }

    /** What the health check shows. */
    Map<String, Object> details() {
        Map<String, Object> details = new LinkedHashMap<>();
        details.put(PACING, PacingOptions.ADAPTIVE);
        AdaptivePacing.Plan plan = last;
        if (plan == null) {
            return details;
        }
        details.put(NEXT_POLL, plan.nextPoll().toString());
        details.put(INTERVAL, plan.interval().toString());
        details.put(REQUESTS_TODAY, plan.spentToday());
        details.put(REQUESTS_USABLE, Math.max(0, plan.usable()));
        details.put(CHANGES_PER_HOUR, Math.round(plan.changesPerSecond() * 3600 * 10) / 10.0);
        details.put(STALENESS_HELD, plan.stalenessHeld());
        if (plan.usable() < 1) {
            details.put(NOTE, "The budget for today is spent (this poller's half of dailyRequestLimit, or what the "
                              + "other endpoints are expected to need): no poll before " + plan.nextPoll()
                              + ", so changes wait longer than maxStaleness (" + maxStaleness + ")");
        } else if (!plan.stalenessHeld()) {
            details.put(NOTE, "The " + plan.usable() + " requests left today cannot pay for a poll every maxStaleness ("
                              + maxStaleness + ") until midnight UTC: polls are every " + plan.interval());
        }
        return details;
    }
}
