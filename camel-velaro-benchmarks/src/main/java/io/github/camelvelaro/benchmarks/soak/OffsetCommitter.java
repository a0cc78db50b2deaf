package io.github.camelvelaro.benchmarks.soak;

import java.io.File;
import java.io.FileOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;

import io.github.camelvelaro.velaro.consumer.PollCursor;
import org.apache.camel.support.processor.state.FileStateRepository;

/**
 * The child of {@link OffsetFileKillCheck}: what {@link SoakPollerNode} does per conversation, without the HTTP in
 * between, in a loop until killed: append a delivery line and force it to disk, then commit the poll cursor to a
 * {@link FileStateRepository} the way the poller does ({@code setState} of the encoded {@link PollCursor}).
 * <p>
 * Arguments: offsets file, delivery log, ready file.
 */
public final class OffsetCommitter {

    /** The key the poller of {@code velaro:conversations} stores its cursor under. */
    static final String KEY = "velaro:conversations";
    /** Items per updatedAt instant, so the cursor carries a few boundary ids, as in the soak. */
    private static final int PER_INSTANT = 4;

    private OffsetCommitter() {
    }

    public static void main(String[] args) throws Exception {
        FileStateRepository offsets = FileStateRepository.fileStateRepository(new File(args[0]));
        offsets.start();
        FileOutputStream deliveries = new FileOutputStream(args[1], true);
        Files.writeString(Path.of(args[2]), Long.toString(ProcessHandle.current().pid()));
        Instant start = Instant.parse("2026-12-01T00:00:00Z");
        PollCursor cursor = PollCursor.at(start);
        for (long i = 0; ; i++) {
            String id = String.format("conv_%016d", i);
            Instant updatedAt = start.plusMillis(i / PER_INSTANT);
            deliveries.write((id + " " + updatedAt + "\n").getBytes(StandardCharsets.UTF_8));
            deliveries.getFD().sync();
            cursor = cursor.after(id, updatedAt);
            offsets.setState(KEY, cursor.encode());
        }
    }
}
