package io.github.camelvelaro.benchmarks.soak;

import java.io.FileOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.LinkedHashMap;
import java.util.Map;

import org.apache.camel.spi.StateRepository;
import org.apache.camel.support.service.ServiceSupport;

/**
 * The soak's control for {@code FileStateRepository}: the same {@code key=value} lines, but every change writes the
 * whole state to a new file, forces it to disk and renames it over the old one, so a kill leaves either the old state
 * or the new one, never a line cut short. Not for production use: one file write, fsync and rename per commit.
 */
final class ReplacingFileStateRepository extends ServiceSupport implements StateRepository<String, String> {

    private final Path file;
    private final Path next;
    private final Map<String, String> states = new LinkedHashMap<>();

    ReplacingFileStateRepository(Path file) {
        this.file = file;
        this.next = file.resolveSibling(file.getFileName() + ".next");
    }

    @Override
    public synchronized void setState(String key, String value) {
        if (key.contains("=") || key.contains("\n") || value.contains("\n")) {
            throw new IllegalArgumentException("Key " + key + " or its value contains '=' (key) or a newline");
        }
        states.put(key, value);
        StringBuilder text = new StringBuilder();
        states.forEach((k, v) -> text.append(k).append('=').append(v).append('\n'));
        // a stream, not a channel: an interrupt while the poller stops cannot close it halfway
        try (FileOutputStream out = new FileOutputStream(next.toFile())) {
            out.write(text.toString().getBytes(StandardCharsets.UTF_8));
            out.getFD().sync();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write " + next, e);
        }
        try {
            Files.move(next, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot replace " + file + " with " + next, e);
        }
    }

    @Override
    public synchronized String getState(String key) {
        return states.get(key);
    }

    @Override
    protected synchronized void doStart() throws IOException {
        states.clear();
        if (!Files.exists(file)) {
            return;
        }
        for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
            int eq = line.indexOf('=');
            if (eq <= 0) {
                throw new IllegalStateException("Line '" + line + "' of " + file + " is not key=value");
            }
            states.put(line.substring(0, eq), line.substring(eq + 1));
        }
    }
}
