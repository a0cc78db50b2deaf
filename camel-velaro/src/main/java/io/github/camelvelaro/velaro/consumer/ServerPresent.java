package io.github.camelvelaro.velaro.consumer;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * Velaro's present as one poll sees it, and how far past it an item's {@code updatedAt} may lie and still count as
 * present.
 * <p>
 * ASSUMPTION: Velaro stamps {@code updatedAt} with the same (synchronised) clock that writes its {@code Date}
 * header, so an item changed before a response was sent is never later than that response's {@code Date} (whole
 * seconds) plus a little skew. An item beyond {@code futureTolerance} is mis-stamped (a server bug, or a unit read
 * wrongly) and must not carry the cursor into the future, where every later change would be skipped until that date.
 *
 * @param present        Velaro's {@code Date} header, or the local clock when it sent none
 * @param fromDateHeader whether {@code present} is Velaro's own
 * @param tolerance      {@code futureTolerance}
 */
record ServerPresent(Instant present, boolean fromDateHeader, Duration tolerance) {

    /** From a response's {@code Date} header (null when absent), else the local clock. */
    static ServerPresent of(Instant serverDate, Clock clock, Duration tolerance) {
        return serverDate != null ? new ServerPresent(serverDate, true, tolerance)
                : new ServerPresent(clock.instant(), false, tolerance);
    }

    /** Whether an item stamped so lies beyond the present plus the tolerance: delivered, but not moving the cursor. */
    boolean isBeyond(Instant updatedAt) {
        return updatedAt.isAfter(present.plus(tolerance));
    }

    /**
     * Whether an item stamped so changed less than {@code grace} before the present: a reconciling poller leaves it
     * to the webhooks for now. Never for a zero grace.
     */
    boolean isWithin(Duration grace, Instant updatedAt) {
        return !grace.isZero() && updatedAt.isAfter(present.minus(grace));
    }

    /** Whether the present has reached this instant. */
    boolean hasReached(Instant instant) {
        return !instant.isAfter(present);
    }

    /** For log lines, e.g. {@code 2026-11-27T12:00:00Z (Velaro's Date header) + PT1M}. */
    @Override
    public String toString() {
        return present + (fromDateHeader ? " (Velaro's Date header)" : " (the local clock: Velaro sent no Date header)")
               + " + futureTolerance " + tolerance;
    }
}
