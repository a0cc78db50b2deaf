package io.github.camelvelaro.sandbox.store;

import java.time.Instant;

/** The {@code updatedAt} rule: every change moves it strictly forward, even when the sandbox clock stands still. */
final class Timestamps {

    private Timestamps() {
    }

    /**
     * The {@code updatedAt} for a change made at {@code now} to an item last updated at {@code previous}: {@code now},
     * or one millisecond after {@code previous} when the clock has not moved past it (a frozen clock, or several
     * changes within one millisecond). Pollers rely on (id, updatedAt) naming one version of an item.
     */
    static Instant next(Instant previous, Instant now) {
        return previous == null || now.isAfter(previous) ? now : previous.plusMillis(1);
    }
}
