package io.github.camelvelaro.benchmarks.soak;

import java.nio.file.Path;
import java.time.Duration;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;

/**
 * How a soak runs, from {@code key=value} arguments (later ones win, blanks are ignored, so Maven can pass an empty
 * {@code ${soak.args}}).
 *
 * @param kills          how many times the poller JVM is killed with SIGKILL
 * @param seed           seeds the traffic and the kill moments (0: a random seed, printed so a run can be repeated)
 * @param dir            where each run gets a directory of its own (delivery log, offsets, poller logs)
 * @param batchInterval  time between two batches of changes
 * @param maxBatch       changes per batch are 1 to this many, all at one {@code updatedAt} instant
 * @param maxUptime      odd kills come at a random moment up to this long after the poller reported it started;
 *                       even kills after it wrote a random 1 to 50 lines, or this long at the latest
 * @param pollDelay      the poller's {@code delay}
 * @param pageSize       the poller's {@code pageSize}: small, so that runs of changes at one instant fill whole pages
 * @param offsets        the poller's offset repository: {@code atomic} (the component's AtomicFileStateRepository,
 *                       which a kill cannot leave cut short; the default) or {@code file} (Camel's FileStateRepository,
 *                       which a kill occasionally leaves with a line cut short)
 * @param drainTimeout   how long the last poller may take to deliver the final version of every conversation (it
 *                       is given up on sooner when it writes nothing for 30 s)
 */
record SoakSettings(int kills, long seed, Path dir, Duration batchInterval, int maxBatch, Duration maxUptime,
                    Duration pollDelay, int pageSize, String offsets, Duration drainTimeout) {

    static final String USAGE = "arguments (key=value): kills=20 seed=<random> dir=target/soak batchMillis=150 "
                                + "maxBatch=8 maxUptimeMillis=6000 pollDelayMillis=100 pageSize=5 offsets=atomic|file "
                                + "drainSeconds=180";

    static SoakSettings parse(String... args) {
        Map<String, String> values = new LinkedHashMap<>();
        for (String arg : args) {
            for (String token : arg.trim().split("\\s+")) {
                if (token.isEmpty()) {
                    continue;
                }
                int eq = token.indexOf('=');
                if (eq <= 0) {
                    throw new IllegalArgumentException("Argument '" + token + "' is not key=value; " + USAGE);
                }
                values.put(token.substring(0, eq), token.substring(eq + 1));
            }
        }
        Reader read = new Reader(values);
        long seed = read.number("seed", 0, Long.MIN_VALUE, Long.MAX_VALUE);
        SoakSettings settings = new SoakSettings(
                (int) read.number("kills", 20, 1, 10_000),
                seed != 0 ? seed : ThreadLocalRandom.current().nextLong(),
                Path.of(read.text("dir", "target/soak")),
                Duration.ofMillis(read.number("batchMillis", 150, 1, 60_000)),
                (int) read.number("maxBatch", 8, 1, 1_000),
                Duration.ofMillis(read.number("maxUptimeMillis", 6_000, 0, 3_600_000)),
                Duration.ofMillis(read.number("pollDelayMillis", 100, 1, 60_000)),
                (int) read.number("pageSize", 5, 1, 100),
                read.choice("offsets", "atomic", "atomic", "file"),
                Duration.ofSeconds(read.number("drainSeconds", 180, 1, 86_400)));
        Set<String> unknown = new LinkedHashSet<>(values.keySet());
        unknown.removeAll(read.known);
        if (!unknown.isEmpty()) {
            throw new IllegalArgumentException("Unknown argument(s) " + unknown + "; " + USAGE);
        }
        return settings;
    }

    /** Reads values by name, remembering which names it knows. */
    private static final class Reader {
        private final Map<String, String> values;
        private final Set<String> known = new HashSet<>();

        Reader(Map<String, String> values) {
            this.values = values;
        }

        String text(String key, String fallback) {
            known.add(key);
            return values.getOrDefault(key, fallback);
        }

        String choice(String key, String fallback, String... allowed) {
            known.add(key);
            String value = values.getOrDefault(key, fallback);
            if (!Set.of(allowed).contains(value)) {
                throw new IllegalArgumentException(key + " must be one of " + String.join(", ", allowed) + ", was '"
                                                   + value + "'");
            }
            return value;
        }

        long number(String key, long fallback, long min, long max) {
            known.add(key);
            String text = values.get(key);
            if (text == null) {
                return fallback;
            }
            long value;
            try {
                value = Long.parseLong(text);
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException(key + " must be a whole number, was '" + text + "'");
            }
            if (value < min || value > max) {
                throw new IllegalArgumentException(key + " must be " + min + " to " + max + ", was " + value);
            }
            return value;
        }
    }
}
