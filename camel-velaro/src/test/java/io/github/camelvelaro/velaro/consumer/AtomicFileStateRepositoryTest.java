package io.github.camelvelaro.velaro.consumer;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class AtomicFileStateRepositoryTest {

    @TempDir
    Path dir;

    @Test
    void everyChangeReplacesTheFileWithTheWholeStateWhichTheNextStartReads() throws IOException {
        Path file = dir.resolve("offsets.dat");
        AtomicFileStateRepository first = AtomicFileStateRepository.atomicFileStateRepository(file.toFile());
        first.start();
        first.setState("velaro:default:conversations", "{\"v\":1}");
        first.setState("velaro:default:contacts", "{\"v\":2}");
        first.setState("velaro:default:conversations", "{\"v\":3}");

        // one line per key, the whole state each time; nothing left beside it
        assertThat(Files.readAllLines(file))
                .containsExactly("velaro:default:conversations={\"v\":3}", "velaro:default:contacts={\"v\":2}");
        assertThat(dir.resolve("offsets.dat.next")).doesNotExist();

        AtomicFileStateRepository next = new AtomicFileStateRepository(file.toFile());
        next.start();
        assertThat(next.getState("velaro:default:conversations")).isEqualTo("{\"v\":3}");
        assertThat(next.getState("velaro:default:contacts")).isEqualTo("{\"v\":2}");
    }

    @Test
    void aFailedWriteLeavesTheFileAndTheMemoryAtThePreviousState() throws IOException {
        Path file = dir.resolve("offsets.dat");
        AtomicFileStateRepository repository = new AtomicFileStateRepository(file.toFile());
        repository.start();
        repository.setState("k", "one");
        // the sibling it writes first cannot be created: a directory stands in its way
        Files.createDirectory(dir.resolve("offsets.dat.next"));

        assertThatThrownBy(() -> repository.setState("k", "two")).hasMessageContaining("Cannot write the state file");
        assertThat(repository.getState("k")).isEqualTo("one");
        assertThat(Files.readAllLines(file)).containsExactly("k=one");
    }

    @Test
    void keysAndValuesThatWouldBreakALineAreRefused() {
        AtomicFileStateRepository repository = new AtomicFileStateRepository(dir.resolve("o.dat").toFile());
        repository.start();

        assertThatThrownBy(() -> repository.setState("a=b", "v")).hasMessageContaining("cannot store key 'a=b'");
        assertThatThrownBy(() -> repository.setState("k", "two\nlines")).isInstanceOf(IllegalArgumentException.class);
    }

    /** The form docs/polling.md shows for Camel Main's application.properties. */
    @Test
    void camelMainCanCreateItFromAPathInProperties() throws Exception {
        Path file = dir.resolve("main.dat");
        try (org.apache.camel.impl.DefaultCamelContext context = new org.apache.camel.impl.DefaultCamelContext()) {
            Holder holder = new Holder();
            org.apache.camel.support.PropertyBindingSupport.build().bind(context, holder, new java.util.HashMap<>(java.util.Map.of("repository",
                    "#class:" + AtomicFileStateRepository.class.getName() + "(\"" + file + "\")")));

            assertThat(holder.repository).hasToString("AtomicFileStateRepository[" + file + "]");
        }
    }

    public static final class Holder {
        Object repository;

        public void setRepository(Object repository) {
            this.repository = repository;
        }
    }

    @Test
    void aFileThatIsNotKeyValueLinesIsRefusedAtStart() throws IOException {
        Path file = dir.resolve("offsets.dat");
        Files.writeString(file, "velaro:default:conversations\n");

        assertThatThrownBy(() -> new AtomicFileStateRepository(file.toFile()).start())
                .hasStackTraceContaining("Line 1 of the state file " + file + " is not key=value");
    }
}
