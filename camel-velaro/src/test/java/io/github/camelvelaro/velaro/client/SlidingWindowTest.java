package io.github.camelvelaro.velaro.client;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The minute window, on ticks in nanoseconds. */
class SlidingWindowTest {

    /** An arbitrary (negative, as System.nanoTime() may be) origin. */
    private static final long T0 = -4_321_000_000_000L;
    private static final long MS = 1_000_000L;
    private static final long S = 1_000 * MS;

    @Test
    void countsTheLastMinuteAndFreesASlotWhenTheOldestBucketLeaves() {
        SlidingWindow w = new SlidingWindow();
        w.record(T0 + 10 * MS);
        w.record(T0 + 20 * MS);
        w.record(T0 + 30 * S);

        long now = T0 + 59 * S;
        assertThat(w.count(now)).isEqualTo(3);
        assertThat(w.nanosUntilFree(now, 4)).isZero();
        // both early requests share the bucket [0, 100 ms): it leaves at 100 ms + 60 s
        assertThat(now + w.nanosUntilFree(now, 3)).isEqualTo(T0 + 100 * MS + 60 * S);
        assertThat(now + w.nanosUntilFree(now, 2)).isEqualTo(T0 + 100 * MS + 60 * S);
        assertThat(now + w.nanosUntilFree(now, 1)).isEqualTo(T0 + 30 * S + 100 * MS + 60 * S);
        assertThat(w.count(T0 + 60_100 * MS)).isEqualTo(1);
        assertThat(w.count(T0 + 200 * S)).isZero();
    }

    /** Against an exact list of send times: never more than the limit in any 60 s, never more than 100 ms late. */
    @Test
    void neverLetsMoreThanTheLimitThroughInAnyMinute() {
        Random random = new Random(7);
        for (int limit : new int[] { 1, 5, 60, 300 }) {
            SlidingWindow w = new SlidingWindow();
            List<Long> sent = new ArrayList<>();
            long now = T0;
            for (int i = 0; i < 20_000; i++) {
                now += random.nextInt(limit > 60 ? 150 : 1500) * MS;
                long wait = w.nanosUntilFree(now, limit);
                Long exact = exactFreesAt(sent, now, limit);
                if (wait == 0) {
                    assertThat(exact).as("an exact count allows it too").isNull();
                    w.record(now);
                    sent.add(now);
                } else {
                    long frees = now + wait;
                    long exactOrNow = exact == null ? now : exact;
                    assertThat(frees).isGreaterThanOrEqualTo(exactOrNow);
                    assertThat(frees - exactOrNow).isLessThanOrEqualTo(100 * MS);
                }
            }
            for (int i = 0; i < sent.size(); i++) {
                long start = sent.get(i);
                long inWindow = sent.stream().filter(t -> t >= start && t < start + 60 * S).count();
                assertThat(inWindow).as("requests in the minute from " + start).isLessThanOrEqualTo(limit);
            }
        }
    }

    private static Long exactFreesAt(List<Long> sent, long now, int limit) {
        List<Long> live = sent.stream().filter(t -> t + 60 * S > now).toList();
        return live.size() < limit ? null : live.get(live.size() - limit) + 60 * S;
    }
}
