package io.github.camelvelaro.velaro.jdbc;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import io.github.camelvelaro.sandbox.SandboxSettings;
import io.github.camelvelaro.sandbox.VelaroSandbox;
import io.github.camelvelaro.velaro.model.Conversation;
import io.github.camelvelaro.velaro.model.CreateConversation;
import org.apache.camel.CamelContext;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.support.service.ServiceHelper;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/** {@link JdbcStateRepository} on PostgreSQL: concurrent writers, and a poller's cursor across nodes and keys. */
class JdbcStateRepositoryTest extends OnPostgres {


    /**
     * 8 threads, each with its own repository instance (as 8 nodes), write one shared key and one key of their own
     * 200 times each: no write fails, the shared key holds one of the last values written, each own key its last.
     */
    @Test
    void concurrentWritersNeverFailAndTheLastCommitWins() throws Exception {
        int threads = 8;
        int writes = 200;
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        CountDownLatch go = new CountDownLatch(1);
        Set<String> lastValues = ConcurrentHashMap.newKeySet();
        List<CompletableFuture<Void>> all = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            int thread = t;
            all.add(CompletableFuture.runAsync(() -> {
                JdbcStateRepository node = new JdbcStateRepository(postgres.dataSource(), "offsets");
                ServiceHelper.startService(node);
                try {
                    go.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                for (int i = 1; i <= writes; i++) {
                    node.setState("shared", thread + ":" + i);
                    node.setState("own-" + thread, "v" + i);
                }
                lastValues.add(thread + ":" + writes);
            }, pool));
        }
        go.countDown();
        CompletableFuture.allOf(all.toArray(CompletableFuture[]::new)).get(2, TimeUnit.MINUTES);
        pool.shutdown();

        JdbcStateRepository reader = new JdbcStateRepository(postgres.dataSource(), "offsets");
        assertThat(lastValues).contains(reader.getState("shared"));
        for (int t = 0; t < threads; t++) {
            assertThat(reader.getState("own-" + t)).isEqualTo("v" + writes);
        }
        assertThat(new JdbcStateRepository(postgres.dataSource(), "another").getState("shared"))
                .as("names keep repositories apart").isNull();
        reader.setState("shared", null);
        assertThat(reader.getState("shared")).isNull();
    }

    @Test
    void createSchemaCreatesTheTableWhenMissing() throws Exception {
        postgres.sql("DROP TABLE velaro_state");
        JdbcStateRepository repository = new JdbcStateRepository(postgres.dataSource());
        repository.setCreateSchema(true);
        ServiceHelper.startService(repository);
        repository.setState("k", "v");
        assertThat(repository.getState("k")).isEqualTo("v");
    }

    /**
     * A poller on one node stores its cursor; a poller on another node (another repository instance) resumes it and
     * delivers only what is new. The cursor records the API key that wrote it: a poller with another key refuses it
     * unless siteId is declared, as with any offsetRepository.
     */
    @Test
    void aPollerResumesTheCursorAnotherNodeWroteAndTheKeyRuleHolds() throws Exception {
        try (VelaroSandbox sandbox = new VelaroSandbox(SandboxSettings.defaults()).start()) {
            String key = sandbox.createReadWriteKey();
            for (int i = 0; i < 5; i++) {
                sandbox.conversations().create(new CreateConversation("first " + i));
            }
            assertThat(poll(sandbox, key, "", 5)).hasSize(5);

            List<String> second = new ArrayList<>();
            for (int i = 0; i < 3; i++) {
                second.add(sandbox.conversations().create(new CreateConversation("second " + i)).getId());
            }
            // conversations created in one millisecond come in id order, not creation order
            assertThat(poll(sandbox, key, "", 3)).as("only the new ones").extracting(Conversation::getId)
                    .containsExactlyInAnyOrderElementsOf(second);

            String rotated = sandbox.createReadWriteKey();
            assertThatThrownBy(() -> poll(sandbox, rotated, "", 0)).hasStackTraceContaining("cannot resume the offset");
            String third = sandbox.conversations().create(new CreateConversation("third")).getId();
            assertThat(poll(sandbox, rotated, "&siteId=default", 1)).as("with siteId: the site's cursor")
                    .singleElement().extracting(Conversation::getId).isEqualTo(third);
        }
    }

    /** A node that polls until {@code expected} conversations arrive, with its own repository instance. */
    private static List<Conversation> poll(VelaroSandbox sandbox, String key, String options, int expected)
            throws Exception {
        List<Conversation> received = new java.util.concurrent.CopyOnWriteArrayList<>();
        try (CamelContext context = new DefaultCamelContext()) {
            context.getRegistry().bind("offsets", new JdbcStateRepository(postgres.dataSource(), "offsets"));
            context.addRoutes(new RouteBuilder() {
                @Override
                public void configure() {
                    from("velaro:conversations?apiKey=" + key + "&baseUrl=" + sandbox.baseUrl()
                         + "&startFrom=beginning&delay=100&initialDelay=0&offsetRepository=#offsets" + options)
                            .process(e -> received.add(e.getMessage().getBody(Conversation.class)));
                }
            });
            context.start();
            await().atMost(Duration.ofSeconds(30)).until(() -> received.size() >= expected);
            Thread.sleep(300); // a few more polls: nothing else arrives
        }
        return received;
    }
}
