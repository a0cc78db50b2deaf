package io.github.camelvelaro.velaro.jdbc;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;

import io.github.camelvelaro.sandbox.SandboxSettings;
import io.github.camelvelaro.sandbox.VelaroSandbox;
import io.github.camelvelaro.sandbox.journal.JournalEntry;
import io.github.camelvelaro.sandbox.webhooks.RetryPolicy;
import io.github.camelvelaro.velaro.client.ListQuery;
import io.github.camelvelaro.velaro.model.Conversation;
import io.github.camelvelaro.velaro.model.VelaroEvent;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.processor.idempotent.jdbc.JdbcMessageIdRepository;
import org.apache.camel.support.service.ServiceHelper;
import org.apache.curator.test.InstanceSpec;
import org.apache.curator.test.TestingServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Three node JVMs ({@link ClusterNodeMain}) on the sandbox and one embedded PostgreSQL: all produce as fast as the
 * shared quota allows, the leader (camel-zookeeper's cluster service on Curator's in-process ZooKeeper) polls, all
 * receive webhooks through a load balancer. The leader is killed with SIGKILL five times (a new node joins after each
 * kill). What Velaro saw, from the sandbox's journal: no 60 s window over the per-minute limit, no 429, the day within
 * its limit; and every conversation polled and every event processed, with at most one duplicate per kill.
 */
class ClusterMultiJvmTest {

    private static final int PER_MINUTE = 60;
    private static final int DAILY_LIMIT = 1000;
    private static final int KILLS = 5;
    private static final Duration PATIENCE = Duration.ofSeconds(90);

    @TempDir
    Path dir;

    private final Map<String, Process> nodes = new LinkedHashMap<>();
    private final List<String> everyNode = new ArrayList<>();

    @AfterEach
    void killNodes() throws IOException {
        nodes.values().forEach(Process::destroyForcibly);
        for (String name : everyNode) {
            Path log = dir.resolve(name + ".log");
            if (Files.exists(log)) {
                String text = Files.readString(log);
                System.out.println("----- node " + name + " -----\n"
                                   + text.substring(Math.max(0, text.length() - 6000)));
            }
        }
    }

    @Test
    void theLeaderKilledFiveTimesLosesNothingAndNeverPassesTheLimits() throws Exception {
        InstanceSpec spec = new InstanceSpec(dir.resolve("zk").toFile(), -1, -1, -1, true, -1, 200, -1);
        RetryPolicy redeliveries = new RetryPolicy(Duration.ofMillis(200), 2.0, Duration.ofSeconds(2), 40,
                Duration.ofSeconds(10));
        try (TestingServer zookeeper = new TestingServer(spec, true);
             PostgresSupport postgres = new PostgresSupport();
             LoadBalancer balancer = new LoadBalancer();
             VelaroSandbox sandbox = new VelaroSandbox(SandboxSettings.defaults().withPerMinuteLimit(PER_MINUTE)
                     .withDailyLimit(100_000).withWebhookRetry(redeliveries)).start()) {
            postgres.reset();
            createIdempotentTable(postgres);
            String key = sandbox.createReadWriteKey();
            sandbox.registerWebhook(balancer.url("/velaro/events"));
            Instant began = Instant.now();

            for (int i = 1; i <= 3; i++) {
                startNode("n" + i, sandbox, key, postgres, zookeeper, balancer);
            }
            await().atMost(PATIENCE).until(() -> everyNode.stream()
                    .allMatch(n -> Files.exists(dir.resolve(n + ".started"))));

            List<String> killed = new ArrayList<>();
            for (int kill = 1; kill <= KILLS; kill++) {
                String leader = awaitLeader(killed);
                Thread.sleep(1500); // let it lead: poll, and hold claims
                nodes.remove(leader).destroyForcibly().waitFor(30, TimeUnit.SECONDS); // SIGKILL
                balancer.remove(leader);
                killed.add(leader);
                startNode("n" + (3 + kill), sandbox, key, postgres, zookeeper, balancer);
            }
            awaitLeader(killed);
            Files.writeString(dir.resolve("stop"), "stop");

            // everything Velaro holds is polled, and every event processed
            await().atMost(PATIENCE).pollInterval(Duration.ofMillis(500)).until(() -> sandbox.webhooks().pending() == 0
                    && distinct(lines(".polled")).containsAll(conversations(sandbox))
                    && distinct(lines(".events")).containsAll(eventIds(sandbox)));
            Duration took = Duration.between(began, Instant.now());

            String fingerprint = VelaroSandbox.fingerprint(key);
            List<JournalEntry> journal = sandbox.journal().entries(e -> fingerprint.equals(e.keyFingerprint()));
            List<Instant> times = new ArrayList<>(journal.stream().map(JournalEntry::time).sorted().toList());
            int busiestMinute = JdbcQuotaStoreContentionTest.maxInAnyWindow(times, Duration.ofSeconds(60));
            List<String> polled = lines(".polled");
            List<String> events = lines(".events");
            int pollDuplicates = polled.size() - distinct(polled).size();
            int eventDuplicates = events.size() - distinct(events).size();
            System.out.printf("multi-JVM cluster: %d nodes started, %d leaders killed, %s; %d requests reached Velaro"
                              + " (busiest 60 s: %d, limit %d), %d answered 429; %d conversations polled (%d duplicates)"
                              + ", %d events processed (%d duplicates), %d webhook deliveries lost%n",
                    everyNode.size(), killed.size(), took, journal.size(), busiestMinute, PER_MINUTE,
                    journal.stream().filter(e -> e.status() == 429).count(), distinct(polled).size(), pollDuplicates,
                    distinct(events).size(), eventDuplicates, sandbox.webhooks().lost().size());

            assertThat(journal.stream().filter(e -> e.status() == 429)).as("429s").isEmpty();
            assertThat(busiestMinute).as("requests in the busiest 60 s").isLessThanOrEqualTo(PER_MINUTE);
            assertThat(journal.size()).as("the day's total").isLessThanOrEqualTo(DAILY_LIMIT);
            assertThat(distinct(polled)).as("polled").containsAll(conversations(sandbox));
            assertThat(distinct(events)).as("events processed").containsAll(eventIds(sandbox));
            assertThat(sandbox.webhooks().lost()).isEmpty();
            assertThat(pollDuplicates).as("polled twice").isLessThanOrEqualTo(KILLS);
            assertThat(eventDuplicates).as("events processed twice").isLessThanOrEqualTo(KILLS);
            // the limit was the bottleneck: the nodes kept the quota busy
            assertThat(busiestMinute).isGreaterThanOrEqualTo(PER_MINUTE / 2);
        }
    }

    private void startNode(String name, VelaroSandbox sandbox, String key, PostgresSupport postgres,
                           TestingServer zookeeper, LoadBalancer balancer) throws IOException {
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process process = new ProcessBuilder(java, "-Xmx160m", "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC",
                "-Dlog4j2.shutdownHookEnabled=false", "-cp", System.getProperty("java.class.path"),
                ClusterNodeMain.class.getName(), name, sandbox.baseUrl(), key, postgres.jdbcUrl(),
                zookeeper.getConnectString(), Integer.toString(port), sandbox.webhookSecret(), dir.toString(),
                Integer.toString(PER_MINUTE))
                .redirectErrorStream(true).redirectOutput(dir.resolve(name + ".log").toFile()).start();
        nodes.put(name, process);
        everyNode.add(name);
        balancer.add(name, port);
    }

    /** The node whose leader-only timer beat last, within the last second, not one of those killed. */
    private String awaitLeader(List<String> killed) {
        return await().atMost(PATIENCE).pollInterval(Duration.ofMillis(100)).until(() -> {
            String freshest = null;
            long newest = 0;
            for (String name : nodes.keySet()) {
                Path beat = dir.resolve(name + ".beat");
                if (!killed.contains(name) && Files.exists(beat)) {
                    long modified = Files.getLastModifiedTime(beat).toMillis();
                    if (modified > newest) {
                        newest = modified;
                        freshest = name;
                    }
                }
            }
            return System.currentTimeMillis() - newest < 1000 ? freshest : null;
        }, leader -> leader != null);
    }

    private static void createIdempotentTable(PostgresSupport postgres) throws Exception {
        try (DefaultCamelContext context = new DefaultCamelContext()) {
            JdbcMessageIdRepository repository = new JdbcMessageIdRepository(postgres.dataSource(), "setup");
            ServiceHelper.startService(repository);
            ServiceHelper.stopService(repository);
        }
    }

    private List<String> lines(String suffix) throws IOException {
        List<String> all = new ArrayList<>();
        for (String name : everyNode) {
            Path file = dir.resolve(name + suffix);
            if (Files.exists(file)) {
                all.addAll(Files.readAllLines(file));
            }
        }
        return all;
    }

    private static Set<String> distinct(List<String> lines) {
        return new HashSet<>(lines);
    }

    private static Set<String> conversations(VelaroSandbox sandbox) {
        Set<String> ids = new HashSet<>();
        for (int page = 1;; page++) {
            List<Conversation> items = sandbox.conversations().list(ListQuery.page(page, ListQuery.MAX_PAGE_SIZE))
                    .getData();
            items.forEach(c -> ids.add(c.getId() + "@" + c.getUpdatedAt()));
            if (items.size() < ListQuery.MAX_PAGE_SIZE) {
                return ids;
            }
        }
    }

    private static Set<String> eventIds(VelaroSandbox sandbox) {
        Set<String> ids = new HashSet<>();
        for (VelaroEvent event : sandbox.webhooks().events()) {
            ids.add(event.getId());
        }
        return ids;
    }
}
