package io.github.camelvelaro.velaro;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;

/**
 * Real time plus an offset that tests move forward, so that minutes and days pass without waiting while everything
 * else keeps running in real time. Its {@link #ticker()} is the monotonic counterpart ({@code System.nanoTime()}
 * plus an offset): {@link #advance} moves both, as time passing does; {@link #set} and {@link #jump} move only the
 * wall clock, as setting a clock (or NTP stepping it) does.
 */
public final class MutableClock extends Clock {

    private final AtomicLong offsetMillis = new AtomicLong();
    private final AtomicLong tickerOffsetNanos = new AtomicLong();

    /** Lets time pass: the wall clock and the ticker move forward together. */
    public void advance(Duration d) {
        offsetMillis.addAndGet(d.toMillis());
        tickerOffsetNanos.addAndGet(d.toNanos());
    }

    /** Sets the wall clock so that it reads {@code at} now; the ticker does not move. */
    public void set(Instant at) {
        offsetMillis.set(at.toEpochMilli() - System.currentTimeMillis());
    }

    /** Steps the wall clock by {@code d} (either way), as NTP may; the ticker does not move. */
    public void jump(Duration d) {
        offsetMillis.addAndGet(d.toMillis());
    }

    /** Monotonic nanoseconds that follow {@link #advance} but not {@link #set} or {@link #jump}. */
    public LongSupplier ticker() {
        return () -> System.nanoTime() + tickerOffsetNanos.get();
    }

    @Override
    public Instant instant() {
        return Instant.ofEpochMilli(System.currentTimeMillis() + offsetMillis.get());
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        throw new UnsupportedOperationException("UTC only");
    }
}
