package io.github.camelvelaro.sandbox;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Objects;

/**
 * The sandbox's idea of "now": every timestamp it writes ({@code createdAt}, {@code updatedAt}, the {@code Date}
 * header, rate-limit windows, webhook timestamps) comes from here, so a test can move a simulated day forward in a
 * millisecond instead of waiting for it.
 * <p>
 * A running clock follows the wall clock plus an offset that {@link #advance(Duration)} and {@link #set(Instant)}
 * change; a frozen clock only moves when told to, which makes timestamps in a test exactly predictable. Instants are
 * truncated to milliseconds, as an API would store them. Thread-safe.
 */
public final class SandboxClock extends Clock {

    private final Clock wall;
    // when frozen: the instant shown; when running: the offset is (shown - wall) at the time of the last change
    private Instant frozenAt;
    private Duration offset = Duration.ZERO;

    private SandboxClock(Clock wall, Instant frozenAt) {
        this.wall = wall;
        this.frozenAt = frozenAt;
    }

    /** A clock that follows the wall clock until it is advanced, set or frozen. */
    public static SandboxClock running() {
        return new SandboxClock(Clock.systemUTC(), null);
    }

    /** A clock that stays at {@code start} until it is advanced or set. */
    public static SandboxClock frozenAt(Instant start) {
        return new SandboxClock(Clock.systemUTC(), truncate(Objects.requireNonNull(start, "start")));
    }

    /** Moves the clock forward (or, with a negative amount, back) without waiting. */
    public synchronized SandboxClock advance(Duration amount) {
        Objects.requireNonNull(amount, "amount");
        if (frozenAt != null) {
            frozenAt = truncate(frozenAt.plus(amount));
        } else {
            offset = offset.plus(amount);
        }
        return this;
    }

    /** Jumps to an instant; a running clock keeps running from there. */
    public synchronized SandboxClock set(Instant instant) {
        Objects.requireNonNull(instant, "instant");
        if (frozenAt != null) {
            frozenAt = truncate(instant);
        } else {
            offset = Duration.between(wall.instant(), instant);
        }
        return this;
    }

    /** Stops the clock where it is now. */
    public synchronized SandboxClock freeze() {
        frozenAt = instant();
        return this;
    }

    /** Lets a frozen clock run on from where it stands. */
    public synchronized SandboxClock resume() {
        if (frozenAt != null) {
            offset = Duration.between(wall.instant(), frozenAt);
            frozenAt = null;
        }
        return this;
    }

    public synchronized boolean isFrozen() {
        return frozenAt != null;
    }

    @Override
    public synchronized Instant instant() {
        return frozenAt != null ? frozenAt : truncate(wall.instant().plus(offset));
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    /** The sandbox always works in UTC (Velaro's daily limit rolls over at UTC midnight). */
    @Override
    public Clock withZone(ZoneId zone) {
        if (!ZoneOffset.UTC.equals(zone)) {
            throw new UnsupportedOperationException("the sandbox clock is always UTC");
        }
        return this;
    }

    private static Instant truncate(Instant instant) {
        return instant.truncatedTo(ChronoUnit.MILLIS);
    }

    @Override
    public String toString() {
        return "SandboxClock[" + instant() + (isFrozen() ? ", frozen" : ", running") + "]";
    }
}
