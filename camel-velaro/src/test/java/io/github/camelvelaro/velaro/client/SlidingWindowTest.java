package io.github.camelvelaro.velaro.client;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class SlidingWindowTest {

    private static final Instant T0 = Instant.parse("2026-11-28T12:00:00.000Z");

    @Test
    void countsTheLastMinuteAndFreesASlotWhenTheOldestBucketLeaves() {
        SlidingWindow w = new SlidingWindow();
        w.record(T0.plusMillis(10));
        w.record(T0.plusMillis(20));
        w.record(T0.plusSeconds(30));

        assertThat(w.count(T0.plusSeconds(59))).isEqualTo(3);
        assertThat(w.freesAt(T0.plusSeconds(59), 4)).isNull();
        // both early requests share the bucket [0, 100 ms): it leaves at 100 ms + 60 s
        assertThat(w.freesAt(T0.plusSeconds(59), 3)).isEqualTo(T0.plusMillis(100).plusSeconds(60));
        assertThat(w.freesAt(T0.plusSeconds(59), 2)).isEqualTo(T0.plusMillis(100).plusSeconds(60));
        assertThat(w.freesAt(T0.plusSeconds(59), 1)).isEqualTo(T0.plusSeconds(30).plusMillis(100).plusSeconds(60));
        assertThat(w.count(T0.plusMillis(60_100))).isEqualTo(1);
        assertThat(w.count(T0.plusSeconds(200))).isZero();
    }

    /** Against an exact list of send times: never more than the limit in any 60 s, never more than 100 ms late. */
    @Test
    void neverLetsMoreThanTheLimitThroughInAnyMinute() {
        Random random = new Random(7);
        for (int limit : new int[] { 1, 5, 60, 300 }) {
            SlidingWindow w = new SlidingWindow();
            List<Instant> sent = new ArrayList<>();
            Instant now = T0;
            for (int i = 0; i < 20_000; i++) {
                now = now.plusMillis(random.nextInt(limit > 60 ? 150 : 1500));
                Instant frees = w.freesAt(now, limit);
                Instant exact = exactFreesAt(sent, now, limit);
                if (frees == null) {
                    assertThat(exact).as("an exact count allows it too").isNull();
                    w.record(now);
                    sent.add(now);
                } else {
                    assertThat(frees).isAfterOrEqualTo(exact == null ? now : exact);
                    assertThat(Duration.between(exact == null ? now : exact, frees)).isLessThanOrEqualTo(Duration.ofMillis(100));
                }
            }
            for (int i = 0; i < sent.size(); i++) {
                Instant start = sent.get(i);
                long inWindow = sent.stream().filter(t -> !t.isBefore(start) && t.isBefore(start.plusSeconds(60))).count();
                assertThat(inWindow).as("requests in the minute from " + start).isLessThanOrEqualTo(limit);
            }
        }
    }

    private static Instant exactFreesAt(List<Instant> sent, Instant now, int limit) {
        List<Instant> live = sent.stream().filter(t -> t.plusSeconds(60).isAfter(now)).toList();
        return live.size() < limit ? null : live.get(live.size() - limit).plusSeconds(60);
    }
}
