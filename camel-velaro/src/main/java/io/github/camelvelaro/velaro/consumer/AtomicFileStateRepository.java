package io.github.camelvelaro.velaro.consumer;

import java.io.File;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

import org.apache.camel.spi.StateRepository;
import org.apache.camel.support.service.ServiceSupport;

/**
 * A file-backed {@link StateRepository} for poll offsets that a crash cannot leave half-written: every change writes
 * the whole state ({@code key=value} lines, UTF-8) to a sibling file, forces it to disk and renames it over the old
 * one, so after a {@code kill -9} or a power cut the file holds either the previous state or the new one.
 * <p>
 * Why not Camel's {@code FileStateRepository}: it appends the key, {@code =}, the value and the newline in four
 * writes, and a kill between two of them leaves a line cut short, which either stops the repository from starting or
 * gives the key an empty value (the soak in docs/benchmarks.md caught both). The price here is one small file write,
 * fsync and rename per committed item; pollers commit at most a few hundred items a minute under Velaro's limits.
 * <p>
 * Thread-safe. Keys must not contain {@code =} or a newline, values no newline (a poll cursor has neither).
 */
public final class AtomicFileStateRepository extends ServiceSupport implements StateRepository<String, String> {

    private final Path file;
    private final Path next;
    private final Map<String, String> states = new LinkedHashMap<>();

    /** A repository kept in {@code path}; the form Camel Main's {@code #class:…("path")} bean syntax calls. */
    public AtomicFileStateRepository(String path) {
        this(Path.of(Objects.requireNonNull(path, "path")));
    }

    public AtomicFileStateRepository(File file) {
        this(Objects.requireNonNull(file, "file").toPath());
    }

    private AtomicFileStateRepository(Path file) {
        this.file = file;
        this.next = file.resolveSibling(file.getFileName() + ".next");
    }

    /** A repository kept in {@code file}; Camel's style of factory, e.g. for a {@code #bean} in YAML. */
    public static AtomicFileStateRepository atomicFileStateRepository(File file) {
        return new AtomicFileStateRepository(file);
    }

    @Override
    public synchronized void setState(String key, String value) {
        if (key.isEmpty() || key.indexOf('=') >= 0 || key.indexOf('\n') >= 0 || value.indexOf('\n') >= 0) {
            throw new IllegalArgumentException("AtomicFileStateRepository cannot store key '" + key
                                               + "': keys must be non-empty without '=' or a newline, values without a newline");
        }
        String previous = states.put(key, value);
        try {
            write();
        } catch (IOException e) {
            // the file still holds the previous state: so must memory
            if (previous == null) {
                states.remove(key);
            } else {
                states.put(key, previous);
            }
            throw new UncheckedIOException("Cannot write the state file " + file, e);
        }
    }

    private void write() throws IOException {
        StringBuilder text = new StringBuilder();
        states.forEach((k, v) -> text.append(k).append('=').append(v).append('\n'));
        // a stream, not a channel: an interrupt while a poller stops must not close it halfway
        try (FileOutputStream out = new FileOutputStream(next.toFile())) {
            out.write(text.toString().getBytes(StandardCharsets.UTF_8));
            out.getFD().sync();
        }
        Files.move(next, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    }

    @Override
    public synchronized String getState(String key) {
        return states.get(key);
    }

    /** Reads the file afresh, so that a node taking over under {@code master:} sees what the last leader wrote. */
    @Override
    protected synchronized void doStart() throws IOException {
        states.clear();
        if (!Files.exists(file)) {
            return;
        }
        int number = 0;
        for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
            number++;
            int eq = line.indexOf('=');
            if (eq <= 0) {
                throw new IllegalStateException("Line " + number + " of the state file " + file
                                                + " is not key=value; the file was not written by AtomicFileStateRepository");
            }
            states.put(line.substring(0, eq), line.substring(eq + 1));
        }
    }

    @Override
    public String toString() {
        return "AtomicFileStateRepository[" + file + "]";
    }
}
