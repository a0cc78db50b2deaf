package io.github.camelvelaro.velaro.consumer;

import java.time.Instant;

import io.github.camelvelaro.velaro.exception.VelaroRateLimitException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Skips polls while a rate limit says no request can succeed (the component's daily budget is spent, or Velaro
 * answered 429 after the retries), instead of failing every poll until the reset. Logs when a pause starts and when
 * it ends, nothing in between.
 */
final class BudgetPause {

    private static final Logger LOG = LoggerFactory.getLogger(BudgetPause.class);

    private final String poller;
    private volatile Instant until;

    /** @param poller e.g. {@code velaro:conversations}, for the log lines */
    BudgetPause(String poller) {
        this.poller = poller;
    }

    /** Whether the poll due at {@code now} is to be skipped; ends the pause once its time has come. */
    boolean skip(Instant now) {
        Instant end = until;
        if (end == null) {
            return false;
        }
        if (now.isBefore(end)) {
            return true;
        }
        until = null;
        LOG.info("{} resumes polling: the rate-limit pause ended at {}", poller, end);
        return false;
    }

    /** Starts (or extends) a pause after a rate-limit refusal. */
    void pause(VelaroRateLimitException e, Instant now) {
        Instant retryAt = e.getRetryAt();
        if (retryAt == null || !retryAt.isAfter(now)) {
            // no known reset: the next scheduled poll is the retry
            LOG.warn("{} was refused by a rate limit and retries at the next poll: {}", poller, e.getMessage());
            return;
        }
        boolean starting = until == null;
        until = retryAt;
        if (starting) {
            String why = e.getStatusCode() == 0 ? "the daily request budget is spent" : "Velaro's rate limit is reached";
            LOG.warn("{} skips its polls until {}: {} ({})", poller, retryAt, why, e.getMessage());
        }
    }

    /** When polling resumes, or null when it is not paused. */
    Instant until() {
        return until;
    }
}
