package io.github.camelvelaro.benchmarks.soak;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.TimeUnit;

import io.github.camelvelaro.velaro.consumer.PollCursor;
import org.apache.camel.support.processor.state.FileStateRepository;

/**
 * How often a SIGKILL leaves a {@link FileStateRepository} that a restarted poller cannot resume from exactly.
 * {@link OffsetCommitter} (deliver, force, commit, in a loop) is killed at a random moment {@code kills} times; after
 * each kill the offsets file is loaded as the next poller would load it and the cursor compared with the delivery
 * log. FileStateRepository appends {@code key}, {@code =}, the value and the newline in four separate writes, so a
 * kill between two of them leaves a line that is cut short. Exits 1 when any kill left such a file.
 * <p>
 * Arguments: {@code kills=200 dir=target/soak}.
 */
public final class OffsetFileKillCheck {

    private static final long MIN_UPTIME_MILLIS = 50;
    private static final long MAX_UPTIME_MILLIS = 500;

    private OffsetFileKillCheck() {
    }

    /** What the next poller would make of the offsets file a kill left. */
    enum Outcome {
        EXACT("resumes after the last line on disk"),
        ONE_BEHIND("resumes at the last line on disk, which it delivers again (the expected duplicate)"),
        UNFINISHED_LINE("loads, but the last line has no newline: the next commit is glued onto it"),
        NO_CURSOR("the last line is 'key=' with no value: the poller finds no offset and starts over from startFrom "
                  + "(with startFrom=now, the default, everything since the last commit is skipped)"),
        CANNOT_LOAD("the last line has no '=': FileStateRepository fails to start, and with it the poller; stopping, "
                    + "it rewrites the file from the lines before the cut one, so the next start resumes from those"),
        UNREADABLE("the stored value is not a cursor: the poller refuses to start"),
        OTHER("the cursor matches neither the last line nor the one before it");

        private final String meaning;

        Outcome(String meaning) {
            this.meaning = meaning;
        }

        /** Whether the next poller resumes where the guarantee says: nothing lost, at most one line again. */
        boolean safe() {
            return this == EXACT || this == ONE_BEHIND;
        }
    }

    public static void main(String[] args) throws Exception {
        int kills = 200;
        Path base = Path.of("target/soak");
        for (String arg : args) {
            for (String token : arg.trim().split("\\s+")) {
                if (token.startsWith("kills=")) {
                    kills = Integer.parseInt(token.substring("kills=".length()));
                } else if (token.startsWith("dir=")) {
                    base = Path.of(token.substring("dir=".length()));
                } else if (!token.isEmpty()) {
                    System.err.println("Unknown argument '" + token + "'; arguments: kills=200 dir=target/soak");
                    System.exit(2);
                }
            }
        }
        Path dir = Files.createTempDirectory(Files.createDirectories(base.toAbsolutePath()), "offset-kills-");
        System.out.printf("Offset file kill check: %d kills of a loop that delivers, forces and commits, %d-%d ms "
                          + "after it started; files in %s%n", kills, MIN_UPTIME_MILLIS, MAX_UPTIME_MILLIS, dir);
        Random random = new Random();
        Map<Outcome, List<String>> outcomes = new LinkedHashMap<>();
        for (Outcome outcome : Outcome.values()) {
            outcomes.put(outcome, new ArrayList<>());
        }
        for (int kill = 1; kill <= kills; kill++) {
            Path offsets = dir.resolve("offsets-" + kill + ".dat");
            Path deliveries = dir.resolve("deliveries-" + kill + ".log");
            killOnce(dir, offsets, deliveries, kill, MIN_UPTIME_MILLIS
                                                     + (long) (random.nextDouble() * (MAX_UPTIME_MILLIS - MIN_UPTIME_MILLIS)));
            Outcome outcome = examine(offsets, deliveries);
            String file = offsets.getFileName().toString();
            if (outcome == Outcome.CANNOT_LOAD) {
                // what the start after the failed one finds
                file += " (then " + examine(offsets, deliveries) + ")";
            }
            outcomes.get(outcome).add(file);
            if (outcome.safe()) {
                Files.delete(offsets);
                Files.delete(deliveries);
            }
        }
        System.out.println();
        int unsafe = 0;
        for (Map.Entry<Outcome, List<String>> entry : outcomes.entrySet()) {
            List<String> files = entry.getValue();
            Outcome outcome = entry.getKey();
            System.out.printf("  %-16s %4d  %s%s%n", outcome, files.size(), outcome.meaning,
                    files.isEmpty() || outcome.safe() ? ""
                            : "; kept: " + String.join(", ", files.subList(0, Math.min(5, files.size()))));
            if (!outcome.safe()) {
                unsafe += files.size();
            }
        }
        System.out.printf("%nKills that left an offsets file a poller cannot resume from exactly: %d of %d%n", unsafe,
                kills);
        System.exit(unsafe == 0 ? 0 : 1);
    }

    private static void killOnce(Path dir, Path offsets, Path deliveries, int kill, long uptimeMillis)
            throws IOException, InterruptedException {
        Path ready = dir.resolve("ready-" + kill);
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process process = new ProcessBuilder(java, "-Xmx64m", "-cp", System.getProperty("java.class.path"),
                OffsetCommitter.class.getName(), offsets.toString(), deliveries.toString(), ready.toString())
                .redirectErrorStream(true).redirectOutput(dir.resolve("committer.log").toFile()).start();
        try {
            while (!Files.exists(ready)) {
                if (!process.isAlive()) {
                    throw new IllegalStateException("the committer exited with code " + process.exitValue()
                                                    + "; see " + dir.resolve("committer.log"));
                }
                Thread.sleep(5);
            }
            Thread.sleep(uptimeMillis);
        } finally {
            process.destroyForcibly();
            process.waitFor(60, TimeUnit.SECONDS);
            Files.deleteIfExists(ready);
        }
    }

    /** Loads the offsets as the next poller would, and places the cursor against the last lines on disk. */
    static Outcome examine(Path offsets, Path deliveries) throws IOException {
        String raw = Files.exists(offsets) ? Files.readString(offsets, StandardCharsets.UTF_8) : "";
        List<String> lines = Files.exists(deliveries)
                ? Files.readAllLines(deliveries, StandardCharsets.UTF_8) : List.of();
        String value;
        try {
            // started, never stopped: stopping would rewrite the file (a failed start stops it, and does)
            FileStateRepository repository = FileStateRepository.fileStateRepository(offsets.toFile());
            repository.start();
            value = repository.getState(OffsetCommitter.KEY);
        } catch (RuntimeException e) {
            return Outcome.CANNOT_LOAD;
        }
        if (value == null || value.isBlank()) {
            if (raw.isEmpty()) {
                return lines.isEmpty() ? Outcome.EXACT : lines.size() == 1 ? Outcome.ONE_BEHIND : Outcome.OTHER;
            }
            return Outcome.NO_CURSOR;
        }
        PollCursor cursor;
        try {
            cursor = PollCursor.decode(value.trim());
        } catch (IllegalArgumentException e) {
            return Outcome.UNREADABLE;
        }
        if (!raw.endsWith("\n")) {
            return Outcome.UNFINISHED_LINE;
        }
        if (covers(cursor, lines, 1)) {
            return Outcome.EXACT;
        }
        return covers(cursor, lines, 2) ? Outcome.ONE_BEHIND : Outcome.OTHER;
    }

    /** Whether the cursor covers the delivery {@code fromEnd} lines before the end (1: the last); true before the start. */
    private static boolean covers(PollCursor cursor, List<String> lines, int fromEnd) {
        int index = lines.size() - fromEnd;
        if (index < 0) {
            return true;
        }
        String[] parts = lines.get(index).split(" ");
        return cursor.covers(parts[0], Instant.parse(parts[1]));
    }
}
