package io.github.camelvelaro.velaro;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Real time plus an offset that tests move forward, so that minutes and days pass without waiting while everything
 * else keeps running in real time.
 */
public final class MutableClock extends Clock {

    private final AtomicLong offsetMillis = new AtomicLong();

    /** Moves the clock forward. */
    public void advance(Duration d) {
        offsetMillis.addAndGet(d.toMillis());
    }

    /** Moves the clock so that it reads {@code at} now. */
    public void set(Instant at) {
        offsetMillis.set(at.toEpochMilli() - System.currentTimeMillis());
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
