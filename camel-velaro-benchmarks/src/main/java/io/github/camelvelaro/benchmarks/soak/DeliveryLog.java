package io.github.camelvelaro.benchmarks.soak;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;

import io.github.camelvelaro.benchmarks.soak.SoakTraffic.Version;

/**
 * The delivery log as the pollers wrote it: one {@code <id> <updatedAt>} line per routed exchange, and a
 * {@code #kill <n> …} line the soak appends after each kill, once the killed JVM is gone. The kill lines cut the log
 * into segments, one per poller run: segment {@code n} is what run {@code n} delivered (run 0 is the first).
 */
final class DeliveryLog {

    static final String FILE_NAME = "deliveries.log";
    static final String KILL_MARK = "#kill";

    /** One delivered line: the version and the poller run (segment) that delivered it. */
    record Delivery(Version version, int segment, int line) {
    }

    private final List<Delivery> deliveries;
    private final List<String> malformed;
    private final int segments;

    private DeliveryLog(List<Delivery> deliveries, List<String> malformed, int segments) {
        this.deliveries = deliveries;
        this.malformed = malformed;
        this.segments = segments;
    }

    static DeliveryLog read(Path file) throws IOException {
        List<Delivery> deliveries = new ArrayList<>();
        List<String> malformed = new ArrayList<>();
        int segment = 0;
        if (!Files.exists(file)) {
            return new DeliveryLog(deliveries, malformed, 1);
        }
        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            if (line.startsWith(KILL_MARK)) {
                segment++;
                continue;
            }
            String[] parts = line.split(" ");
            try {
                if (parts.length != 2 || parts[0].isEmpty()) {
                    throw new IllegalArgumentException("not '<id> <updatedAt>'");
                }
                deliveries.add(new Delivery(new Version(parts[0], Instant.parse(parts[1])), segment, i + 1));
            } catch (IllegalArgumentException | DateTimeParseException e) {
                malformed.add("line " + (i + 1) + ": '" + line + "'");
            }
        }
        return new DeliveryLog(deliveries, malformed, segment + 1);
    }

    /**
     * Appends a {@code #kill} line; call it only while no poller runs. A line a killed poller left unfinished (no
     * newline) is ended first, so that it shows as malformed instead of swallowing the mark.
     */
    static void appendKillMark(Path file, int kill, long pid, int exitCode) throws IOException {
        String mark = KILL_MARK + " " + kill + " pid " + pid + " exit " + exitCode + "\n";
        if (endsUnfinished(file)) {
            mark = "\n" + mark;
        }
        Files.writeString(file, mark, StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
    }

    private static boolean endsUnfinished(Path file) throws IOException {
        if (!Files.exists(file) || Files.size(file) == 0) {
            return false;
        }
        try (RandomAccessFile raf = new RandomAccessFile(file.toFile(), "r")) {
            raf.seek(raf.length() - 1);
            return raf.read() != '\n';
        }
    }

    /** Counts the lines appended to the log after it was created; for timing a kill during deliveries. */
    static final class Growth {
        private final Path file;
        private long position;
        private int lines;

        Growth(Path file) throws IOException {
            this.file = file;
            this.position = Files.exists(file) ? Files.size(file) : 0;
        }

        /** Lines appended since creation, as far as written now. */
        int lines() throws IOException {
            if (!Files.exists(file) || Files.size(file) <= position) {
                return lines;
            }
            try (RandomAccessFile raf = new RandomAccessFile(file.toFile(), "r")) {
                raf.seek(position);
                byte[] added = new byte[(int) (raf.length() - position)];
                raf.readFully(added);
                position += added.length;
                for (byte b : added) {
                    if (b == '\n') {
                        lines++;
                    }
                }
            }
            return lines;
        }
    }

    /** Every delivered line, in the order written. */
    List<Delivery> deliveries() {
        return deliveries;
    }

    /** Lines that are neither a delivery nor a kill mark, e.g. one a kill cut short. */
    List<String> malformed() {
        return malformed;
    }

    /** Poller runs the log covers: kill marks + 1. */
    int segments() {
        return segments;
    }
}
