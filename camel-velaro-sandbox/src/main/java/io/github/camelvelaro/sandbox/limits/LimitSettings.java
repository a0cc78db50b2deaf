package io.github.camelvelaro.sandbox.limits;

import java.util.Objects;

/**
 * The plan's limits. The guide's default plan: 60 requests per minute per key and 1,000 per day for the whole site;
 * some plans also have a monthly cap (reported in {@code X-RateLimit-Remaining-Month}).
 *
 * @param perMinute   requests per key in a 60-second window
 * @param perDay      requests per UTC day, all keys together
 * @param perMonth    requests per UTC calendar month, all keys together; null for no monthly cap
 * @param resetFormat how {@code X-RateLimit-Reset} is written
 */
public record LimitSettings(int perMinute, int perDay, Integer perMonth, ResetFormat resetFormat) {

    public static final LimitSettings GUIDE_DEFAULTS = new LimitSettings(60, 1000, null, ResetFormat.DELTA_SECONDS);

    public LimitSettings {
        if (perMinute < 1 || perDay < 1 || (perMonth != null && perMonth < 1)) {
            throw new IllegalArgumentException("limits must be 1 or more: perMinute=" + perMinute + ", perDay=" + perDay
                                               + ", perMonth=" + perMonth);
        }
        Objects.requireNonNull(resetFormat, "resetFormat");
    }

    public LimitSettings withPerMinute(int value) {
        return new LimitSettings(value, perDay, perMonth, resetFormat);
    }

    public LimitSettings withPerDay(int value) {
        return new LimitSettings(perMinute, value, perMonth, resetFormat);
    }

    /** A monthly cap; null removes it. */
    public LimitSettings withPerMonth(Integer value) {
        return new LimitSettings(perMinute, perDay, value, resetFormat);
    }

    public LimitSettings withResetFormat(ResetFormat value) {
        return new LimitSettings(perMinute, perDay, perMonth, value);
    }
}
