package io.github.camelvelaro.velaro.consumer;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Two JVMs poll the same Velaro site under {@code master:} with the file-lock cluster service and one shared
 * FileStateRepository: only the leader polls; when it is stopped mid-stream the other takes over from the last
 * committed offset, so every conversation is routed once and nothing is lost.
 */
class PollingClusterFailoverTest extends PollingTestSupport {

    private static final int CONVERSATIONS = 200;
    private static final Instant BASE = Instant.parse("2026-11-27T10:00:00Z");
    private static final Duration PATIENCE = Duration.ofSeconds(90);

    @TempDir
    Path dir;

    private final List<Process> nodes = new ArrayList<>();

    @AfterEach
    void killNodes() throws IOException {
        nodes.forEach(Process::destroyForcibly);
        // the nodes' logs, into this test's surefire output, for when it fails
        for (String name : List.of("A", "B")) {
            Path log = dir.resolve(name + ".log");
            if (Files.exists(log)) {
                System.out.println("----- node " + name + " -----\n" + Files.readString(log));
            }
        }
    }

    private Process startNode(String name) throws IOException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        ProcessBuilder builder = new ProcessBuilder(java, "-Xmx128m",
                // keep logging through the shutdown, so a failure shows how the leader stopped
                "-Dlog4j2.shutdownHookEnabled=false", "-cp", System.getProperty("java.class.path"),
                ClusterNode.class.getName(), name, "http://127.0.0.1:" + wireMock.port() + "/" + name + "/v1",
                dir.resolve("cluster").toString(), dir.resolve("offsets.dat").toString(), out(name).toString())
                .redirectErrorStream(true).redirectOutput(dir.resolve(name + ".log").toFile());
        Process process = builder.start();
        nodes.add(process);
        return process;
    }

    private Path out(String name) {
        return dir.resolve(name + ".out");
    }

    private List<String> routed(String name) throws IOException {
        File file = out(name).toFile();
        return file.exists() ? Files.readAllLines(file.toPath()) : List.of();
    }

    private static int requestsFrom(String name) {
        return wireMock.findAll(getRequestedFor(urlPathMatching("/" + name + "/v1/.*"))).size();
    }

    private static String item(int i) {
        return String.format("c%03d@%s", i, BASE.plusSeconds(i));
    }

    @Test
    void theStandbyTakesOverFromTheLastCommittedOffsetWhenTheLeaderStops() throws Exception {
        Process a = startNode("A");
        await().atMost(PATIENCE).until(() -> requestsFrom("A") > 0);
        startNode("B");
        await().atMost(PATIENCE).until(() -> Files.exists(Path.of(out("B") + ".started")));
        // only now: a JVM may take seconds to start on a busy machine, and A must not be done before B stands by.
        // Oldest first, as Velaro stamps them, since A is already polling
        for (int i = 1; i <= CONVERSATIONS; i++) {
            FEED.putConversation(String.format("c%03d", i), BASE.plusSeconds(i).toString());
        }
        await().atMost(PATIENCE).until(() -> routed("A").size() >= 60);

        // only the leader polls
        assertThat(requestsFrom("B")).isZero();
        assertThat(routed("B")).isEmpty();

        a.destroy(); // SIGTERM
        assertThat(a.waitFor(PATIENCE.toSeconds(), TimeUnit.SECONDS)).as("A stopped").isTrue();
        int routedByA = routed("A").size();
        assertThat(routedByA).isLessThan(CONVERSATIONS);
        await().atMost(PATIENCE).until(() -> routed("A").size() + routed("B").size() >= CONVERSATIONS);

        // the survivor also keeps following changes
        FEED.putConversation("c001", BASE.plusSeconds(1000).toString());
        await().atMost(PATIENCE).until(() -> routed("B").contains("c001@" + BASE.plusSeconds(1000)));

        List<String> all = new ArrayList<>(routed("A"));
        all.addAll(routed("B"));
        List<String> expected = new ArrayList<>();
        for (int i = 1; i <= CONVERSATIONS; i++) {
            expected.add(item(i));
        }
        expected.add("c001@" + BASE.plusSeconds(1000));
        // every (id, updatedAt) exactly once, in order, A's part first: nothing lost, nothing repeated
        assertThat(all).containsExactlyElementsOf(expected);
        assertThat(routed("A")).hasSize(routedByA);
        assertThat(routed("B")).first().isEqualTo(item(routedByA + 1));
        assertThat(requestsFrom("B")).isPositive();
    }
}
