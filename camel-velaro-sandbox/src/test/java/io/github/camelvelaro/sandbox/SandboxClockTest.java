package io.github.camelvelaro.sandbox;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class SandboxClockTest {

    private static final Instant T0 = Instant.parse("2026-03-10T10:00:00Z");

    @Test
    void aFrozenClockMovesOnlyWhenTold() throws InterruptedException {
        SandboxClock clock = SandboxClock.frozenAt(T0);
        Thread.sleep(5);
        assertThat(clock.instant()).isEqualTo(T0);

        clock.advance(Duration.ofDays(1));
        assertThat(clock.instant()).isEqualTo(T0.plus(Duration.ofDays(1)));

        clock.set(Instant.parse("2027-01-01T00:00:00Z"));
        assertThat(clock.instant()).isEqualTo(Instant.parse("2027-01-01T00:00:00Z"));
        assertThat(clock.isFrozen()).isTrue();
    }

    @Test
    void aRunningClockFollowsTheWallClockPlusTheOffset() {
        SandboxClock clock = SandboxClock.running();
        assertThat(clock.instant()).isCloseTo(Instant.now(), within(Duration.ofSeconds(1)));

        clock.advance(Duration.ofDays(1));
        assertThat(clock.instant()).isCloseTo(Instant.now().plus(Duration.ofDays(1)), within(Duration.ofSeconds(1)));

        clock.set(T0);
        assertThat(clock.instant()).isCloseTo(T0, within(Duration.ofSeconds(1)));
        assertThat(clock.instant()).isAfterOrEqualTo(T0);
    }

    @Test
    void freezingAndResumingKeepTheSimulatedTime() throws InterruptedException {
        SandboxClock clock = SandboxClock.running().set(T0);
        clock.freeze();
        Instant frozen = clock.instant();
        Thread.sleep(20);
        assertThat(clock.instant()).isEqualTo(frozen);

        clock.resume();
        Thread.sleep(20);
        assertThat(clock.instant()).isAfter(frozen).isBefore(frozen.plusSeconds(5));
        assertThat(clock.isFrozen()).isFalse();
    }

    @Test
    void instantsHaveMillisecondPrecisionAndTheZoneIsUtc() {
        SandboxClock clock = SandboxClock.frozenAt(T0.plusNanos(1_234_567));
        assertThat(clock.instant()).isEqualTo(T0.plusMillis(1));
        assertThat(clock.getZone()).isEqualTo(java.time.ZoneOffset.UTC);
        assertThat(SandboxClock.running().instant().getNano() % 1_000_000).isZero();
        Clock asJdkClock = clock;
        assertThat(asJdkClock.millis()).isEqualTo(T0.plusMillis(1).toEpochMilli());
    }
}
