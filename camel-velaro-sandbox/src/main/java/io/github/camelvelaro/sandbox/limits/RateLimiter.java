package io.github.camelvelaro.sandbox.limits;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.Map;

import io.github.camelvelaro.sandbox.limits.LimitDecision.Limit;

/**
 * Counts requests against the plan's limits, on the sandbox clock.
 * <p>
 * Per key: a 60-second window that opens with the key's first request and resets 60 seconds later. Site-wide: a
 * count per UTC day and, when configured, per UTC calendar month. Only requests that are let through count; a 429
 * does not use up quota. Thread-safe.
 */
public final class RateLimiter {

    static final Duration WINDOW = Duration.ofMinutes(1);

    private final Clock clock;
    private volatile LimitSettings settings;
    private final Map<String, Window> windows = new HashMap<>();
    private LocalDate day;
    private int dayCount;
    private YearMonth month;
    private int monthCount;

    public RateLimiter(Clock clock, LimitSettings settings) {
        this.clock = clock;
        this.settings = settings;
    }

    private record Window(Instant start, int count) {
        Instant reset() {
            return start.plus(WINDOW);
        }
    }

    public LimitSettings settings() {
        return settings;
    }

    /** Changes the limits from the next request on; counts so far are kept. */
    public void setSettings(LimitSettings newSettings) {
        this.settings = newSettings;
    }

    /** Counts a request with this key if every limit allows it. */
    public synchronized LimitDecision acquire(String keyFingerprint) {
        Instant now = clock.instant();
        roll(now);
        LimitSettings s = settings;
        Window window = currentWindow(keyFingerprint, now);
        Instant retryAt = null;
        Limit exceeded = null;
        if (s.perMonth() != null && monthCount >= s.perMonth()) {
            exceeded = Limit.PER_MONTH;
            retryAt = month.plusMonths(1).atDay(1).atStartOfDay(ZoneOffset.UTC).toInstant();
        } else if (dayCount >= s.perDay()) {
            exceeded = Limit.PER_DAY;
            retryAt = day.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant();
        } else if (window.count() >= s.perMinute()) {
            exceeded = Limit.PER_MINUTE;
            retryAt = window.reset();
        }
        if (exceeded != null) {
            return decision(false, window, retryAt, exceeded, s);
        }
        Window counted = new Window(window.start(), window.count() + 1);
        windows.put(keyFingerprint, counted);
        dayCount++;
        monthCount++;
        return decision(true, counted, null, null, s);
    }

    /**
     * The headers for a response that does not count (no key, or a simulated failure): the key's window as it is,
     * or a fresh one when there is no key.
     */
    public synchronized LimitDecision peek(String keyFingerprint) {
        Instant now = clock.instant();
        roll(now);
        Window window = keyFingerprint == null ? new Window(now, 0) : currentWindow(keyFingerprint, now);
        return decision(true, window, null, null, settings);
    }

    /** Forgets all counts. */
    public synchronized void reset() {
        windows.clear();
        day = null;
        month = null;
        dayCount = 0;
        monthCount = 0;
    }

    private LimitDecision decision(boolean allowed, Window window, Instant retryAt, Limit exceeded, LimitSettings s) {
        int remaining = Math.max(0, s.perMinute() - window.count());
        Integer remainingMonth = s.perMonth() == null ? null : Math.max(0, s.perMonth() - monthCount);
        return new LimitDecision(allowed, remaining, window.reset(), retryAt, remainingMonth, exceeded);
    }

    private Window currentWindow(String keyFingerprint, Instant now) {
        Window window = windows.get(keyFingerprint);
        return window == null || !now.isBefore(window.reset()) ? new Window(now, 0) : window;
    }

    /** Starts a new day or month count when the clock has moved into one. */
    private void roll(Instant now) {
        LocalDate today = LocalDate.ofInstant(now, ZoneOffset.UTC);
        if (!today.equals(day)) {
            day = today;
            dayCount = 0;
        }
        YearMonth thisMonth = YearMonth.from(today);
        if (!thisMonth.equals(month)) {
            month = thisMonth;
            monthCount = 0;
        }
    }
}
