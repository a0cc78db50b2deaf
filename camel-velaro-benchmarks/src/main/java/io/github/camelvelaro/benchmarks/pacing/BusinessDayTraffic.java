package io.github.camelvelaro.benchmarks.pacing;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Random;

/**
 * A site's conversations over whole UTC days, following business hours: conversations start at random (a Poisson
 * process whose rate depends on the hour, most of them from 9:00 to 18:00), each gets messages a minute or two apart
 * for a while, an agent, and is resolved. Seeded: the same seed gives the same story, for every strategy compared.
 */
final class BusinessDayTraffic {

    /** Conversations started per hour, by UTC hour of the day. */
    static final double[] STARTS_PER_HOUR = {
        0.5, 0.5, 0.5, 0.5, 0.5, 0.5, 0.5, 1, // 0-7: night
        3, 12, 14, 15, 12, 14, 15, 14, 12, 8, // 8-17: business hours, 9:00 to 18:00
        4, 3, 2, 1, 1, 0.5 };                // 18-23: evening

    enum Kind { START, MESSAGE, ASSIGN, RESOLVE }

    /** One change: at {@code at}, to the {@code conversation}-th conversation started. */
    record Change(Instant at, int conversation, Kind kind) {
    }

    private BusinessDayTraffic() {
    }

    /** The changes of {@code days} days from {@code start} (a UTC midnight), in time order. */
    static List<Change> generate(Instant start, int days, long seed) {
        Random random = new Random(seed);
        List<Change> changes = new ArrayList<>();
        int conversations = 0;
        for (int hour = 0; hour < days * 24; hour++) {
            double rate = STARTS_PER_HOUR[hour % 24];
            double at = 0;
            while (true) {
                at += -Math.log(1 - random.nextDouble()) / rate * 3600;
                if (at >= 3600) {
                    break;
                }
                Instant begins = start.plusSeconds(hour * 3600L).plusMillis((long) (at * 1000));
                if (!begins.isBefore(start.plus(Duration.ofDays(days)))) {
                    break;
                }
                conversation(changes, conversations++, begins, random, start.plus(Duration.ofDays(days)));
            }
        }
        changes.sort(Comparator.comparing(Change::at));
        return changes;
    }

    /** A conversation: started, 2 to 8 messages 20 s to 3 min apart, assigned after the first, resolved. */
    private static void conversation(List<Change> into, int n, Instant begins, Random random, Instant end) {
        Instant at = begins;
        into.add(new Change(at, n, Kind.START));
        int messages = 2 + random.nextInt(7);
        for (int m = 0; m < messages; m++) {
            at = at.plusMillis(20_000 + random.nextInt(160_000));
            if (at.isBefore(end)) {
                into.add(new Change(at, n, m == 0 ? Kind.ASSIGN : Kind.MESSAGE));
            }
        }
        at = at.plusMillis(20_000 + random.nextInt(100_000));
        if (at.isBefore(end)) {
            into.add(new Change(at, n, Kind.RESOLVE));
        }
    }
}
