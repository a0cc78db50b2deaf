package io.github.camelvelaro.velaro.client;

import io.github.camelvelaro.velaro.client.QuotaStore.Decision;
import java.time.Duration;
import java.time.Instant;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What Velaro's headers said about one key: the requests remaining in its window and when that resets, a 429's
 * {@code Retry-After}, and the monthly cap. Responses may arrive in any order; each changes what is known only as far
 * as it is news. Not thread-safe: a {@link QuotaStore} holds it under its lock (a monitor, or a database row lock,
 * with {@link #fields()} and {@link #of} to store and restore it).
 */
public final class ServerFeedback {

    private static final Logger LOG = LoggerFactory.getLogger(ServerFeedback.class);

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

    /** The stored form: every field, nulls included. */
    public record Fields(Integer serverBudget, Instant serverReset, long budgetPermit, boolean spent,
                         Instant blockedUntil, Integer monthRemaining, Instant monthBlockedUntil) {
    }

    public ServerFeedback() {
    }

    public static ServerFeedback of(Fields f) {
        ServerFeedback feedback = new ServerFeedback();
        feedback.serverBudget = f.serverBudget();
        feedback.serverReset = f.serverReset();
        feedback.budgetPermit = f.budgetPermit();
        feedback.spent = f.spent();
        feedback.blockedUntil = f.blockedUntil();
        feedback.monthRemaining = f.monthRemaining();
        feedback.monthBlockedUntil = f.monthBlockedUntil();
        return feedback;
    }

    public Fields fields() {
        return new Fields(serverBudget, serverReset, budgetPermit, spent, blockedUntil, monthRemaining,
                monthBlockedUntil);
    }

    /** When the monthly cap blocks the key until (null when it does not), as of the last {@link #expire}. */
    public Instant monthBlockedUntil() {
        return monthBlockedUntil;
    }

    public Integer monthRemaining() {
        return monthRemaining;
    }

    /** Velaro's remaining requests in the window, less what was sent since; null when unknown. */
    public Integer serverBudget() {
        return serverBudget;
    }

    public Instant serverReset() {
        return serverReset;
    }

    /** Until when Velaro's answers hold the key back (a 429, or none remaining), and why; else {@link Decision#NOW}. */
    public Decision waitDecision() {
        Instant until = null;
        String reason = null;
        if (blockedUntil != null) {
            until = blockedUntil;
            reason = QuotaStore.RETRY_LATER;
        }
        if (serverBudget != null && serverBudget <= 0 && serverReset != null
                && (until == null || serverReset.isAfter(until))) {
            until = serverReset;
            reason = QuotaStore.NONE_REMAINING;
        }
        return until == null ? Decision.NOW : Decision.waitUntil(until, reason);
    }

    /** A request was sent with the key. */
    public void onGranted() {
        if (serverBudget != null) {
            serverBudget--;
        }
    }

    /**
     * Takes in a response's headers.
     *
     * @param permit  the response's request's permit number
     * @param granted the permits granted so far with this key
     */
    public void onResponse(ApiKey key, long permit, long granted, int status, RateLimitHeaders h, Instant now) {
        expire(now);
        if (h.remaining() != null) {
            // ASSUMPTION: "Remaining: 0" without a reset means a full window
            Instant reset = h.reset() != null ? h.reset() : h.remaining() <= 0 ? now.plus(RateGovernor.WINDOW) : null;
            learnWindow(permit, granted, h.remaining(), reset);
        } else if (h.reset() != null) {
            learnWindow(permit, granted, null, h.reset());
        }
        if (h.remainingMonth() != null) {
            monthRemaining = h.remainingMonth();
            if (monthRemaining <= 0 && monthBlockedUntil == null) {
                monthBlockedUntil = RateGovernor.firstOfNextMonthUtc(now);
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
    private void learnWindow(long permit, long granted, Integer remaining, Instant reset) {
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
        if (reset.isBefore(serverReset.minus(RateGovernor.SAME_WINDOW_SLACK))) {
            return Window.EARLIER;
        }
        Duration later = permit > budgetPermit ? RateGovernor.SAME_WINDOW_SLACK
                : RateGovernor.LATER_WINDOW_FROM_OLDER_REQUEST;
        return reset.isAfter(serverReset.plus(later)) ? Window.LATER : Window.SAME;
    }

    /** Forgets what is over by {@code now}. */
    public void expire(Instant now) {
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
