package io.github.camelvelaro.benchmarks.soak;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ReplacingFileStateRepositoryTest {

    @TempDir
    Path dir;

    @Test
    void everyChangeReplacesTheFileWithTheWholeStateWhichTheNextStartReads() throws IOException {
        Path file = dir.resolve("offsets.dat");
        ReplacingFileStateRepository first = new ReplacingFileStateRepository(file);
        first.start();
        first.setState("velaro:conversations", "{\"v\":1}");
        first.setState("velaro:contacts", "{\"v\":2}");
        first.setState("velaro:conversations", "{\"v\":3}");

        // one line per key, as FileStateRepository's file after it compacts; nothing left beside it
        assertThat(Files.readAllLines(file)).containsExactly("velaro:conversations={\"v\":3}", "velaro:contacts={\"v\":2}");
        assertThat(dir.resolve("offsets.dat.next")).doesNotExist();

        ReplacingFileStateRepository next = new ReplacingFileStateRepository(file);
        next.start();
        assertThat(next.getState("velaro:conversations")).isEqualTo("{\"v\":3}");
        assertThat(next.getState("velaro:contacts")).isEqualTo("{\"v\":2}");
    }

    @Test
    void aFileThatIsNotKeyValueLinesIsRefusedAtStart() throws IOException {
        Path file = dir.resolve("offsets.dat");
        Files.writeString(file, "velaro:conversations\n");

        assertThatThrownBy(() -> new ReplacingFileStateRepository(file).start())
                .hasStackTraceContaining("Line 'velaro:conversations' of " + file + " is not key=value");
    }
}
