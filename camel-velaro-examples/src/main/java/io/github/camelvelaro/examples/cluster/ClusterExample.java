package io.github.camelvelaro.examples.cluster;

import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.github.camelvelaro.sandbox.SandboxSettings;
import io.github.camelvelaro.sandbox.VelaroSandbox;
import io.github.camelvelaro.velaro.VelaroComponent;
import io.github.camelvelaro.velaro.jdbc.JdbcQuotaStore;
import io.github.camelvelaro.velaro.jdbc.JdbcStateRepository;
import io.github.camelvelaro.velaro.model.Conversation;
import io.github.camelvelaro.velaro.model.CreateConversation;
import org.apache.camel.CamelContext;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.impl.DefaultCamelContext;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/**
 * Two nodes on one database: each its own CamelContext, component and connection pool, as two replicas would have;
 * one PostgreSQL (embedded, or {@code -Djdbc.url=...} with {@code -Djdbc.user}/{@code -Djdbc.password}) and the
 * sandbox as Velaro. Both create 10 conversations under one shared quota of 30 requests a minute; node A polls, then
 * dies, and node B resumes A's cursor. The end shows what Velaro saw: the two nodes' requests counted together, and
 * every conversation polled once.
 * <p>
 * {@code ./mvnw -q -pl camel-velaro-examples -am -DskipTests package exec:java
 * -Dexec.mainClass=io.github.camelvelaro.examples.cluster.ClusterExample}
 */
public final class ClusterExample {

    private static final int PER_MINUTE = 30;
    private static final int PER_DAY = 1000;
    private static final int PER_NODE = 10;

    private ClusterExample() {
    }

    public static void main(String[] args) throws Exception {
        String url = System.getProperty("jdbc.url");
        EmbeddedPostgres embedded = url == null ? EmbeddedPostgres.builder().start() : null;
        String jdbcUrl = url != null ? url : embedded.getJdbcUrl("postgres", "postgres");
        try (VelaroSandbox sandbox = new VelaroSandbox(SandboxSettings.defaults()).start()) {
            String key = sandbox.createReadWriteKey();
            System.out.printf("Velaro: the sandbox at %s; database: %s%n", sandbox.baseUrl(), jdbcUrl);
            Set<String> polled = ConcurrentHashMap.newKeySet();
            AtomicInteger polledTwice = new AtomicInteger();
            Node a = new Node("A", jdbcUrl, sandbox.baseUrl(), key, polled, polledTwice, true);
            Node b = new Node("B", jdbcUrl, sandbox.baseUrl(), key, polled, polledTwice, false);
            Thread producerA = a.produce();
            Thread producerB = b.produce();

            Thread.sleep(Duration.ofSeconds(8).toMillis());
            System.out.printf("Node A dies after polling %d conversations; node B takes over the poll%n", polled.size());
            a.close();
            producerA.join();
            b.startPolling();
            Thread.sleep(Duration.ofSeconds(10).toMillis());
            b.close();
            producerB.join();

            int sent = sandbox.journal().entries(e -> "POST".equals(e.method())).size();
            int requests = sandbox.journal().size();
            System.out.printf("Created: A %d, B %d (%d POSTs); all requests of both nodes: %d, counted together against "
                              + "rateLimitPerMinute=%d; Velaro answered 429 %d times%n", a.created.get(), b.created.get(),
                    sent, requests, PER_MINUTE, sandbox.journal().entries(e -> e.status() == 429).size());
            System.out.printf("Polled: %d distinct conversations of %d, %d twice%n", polled.size(),
                    sandbox.conversations().size(), polledTwice.get());
        } finally {
            if (embedded != null) {
                embedded.close();
            }
        }
    }

    /** One replica: a component counting in the shared database, a producer thread, and a poller route. */
    static final class Node implements AutoCloseable {
        final AtomicInteger created = new AtomicInteger();
        private final String name;
        private final HikariDataSource pool;
        private final CamelContext context = new DefaultCamelContext();
        private volatile boolean running = true;
        private Thread producer;

        Node(String name, String jdbcUrl, String baseUrl, String key, Set<String> polled, AtomicInteger twice,
             boolean pollNow) throws Exception {
            this.name = name;
            this.pool = pool(jdbcUrl);
            JdbcQuotaStore quota = new JdbcQuotaStore(pool);
            quota.setCreateSchema(true);
            JdbcStateRepository offsets = new JdbcStateRepository(pool);
            offsets.setCreateSchema(true);
            VelaroComponent velaro = new VelaroComponent();
            velaro.getAccount().setApiKey(key);
            velaro.getAccount().setBaseUrl(baseUrl);
            velaro.getAccount().setRateLimitPerMinute(PER_MINUTE);
            velaro.getAccount().setDailyRequestLimit(PER_DAY);
            velaro.setQuotaStore(quota);
            context.addComponent("velaro", velaro);
            context.getRegistry().bind("offsets", offsets);
            context.addRoutes(new RouteBuilder() {
                @Override
                public void configure() {
                    from("velaro:conversations?startFrom=beginning&delay=1000&initialDelay=0&offsetRepository=#offsets")
                            .routeId("poll-" + name).autoStartup(pollNow)
                            .process(e -> {
                                Conversation c = e.getMessage().getBody(Conversation.class);
                                if (!polled.add(c.getId())) {
                                    twice.incrementAndGet();
                                }
                            });
                }
            });
            context.start();
        }

        void startPolling() throws Exception {
            context.getRouteController().startRoute("poll-" + name);
        }

        Thread produce() {
            ProducerTemplate template = context.createProducerTemplate();
            Thread thread = new Thread(() -> {
                while (running && created.get() < PER_NODE) {
                    try {
                        sleep(800);
                        template.requestBody("velaro:conversations?operation=create",
                                new CreateConversation("Hello from node " + name), Conversation.class);
                        created.incrementAndGet();
                    } catch (RuntimeException e) {
                        if (running) {
                            System.out.printf("Node %s: %s%n", name, rootMessage(e));
                            sleep(2000);
                        }
                    }
                }
            }, "producer-" + name);
            thread.start();
            producer = thread;
            return thread;
        }

        /** Stops producing (the request in flight completes), then the node. */
        @Override
        public void close() {
            running = false;
            try {
                producer.join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            context.stop();
            pool.close();
        }

        private static HikariDataSource pool(String url) {
            HikariConfig config = new HikariConfig();
            config.setJdbcUrl(url);
            config.setUsername(System.getProperty("jdbc.user", "postgres"));
            config.setPassword(System.getProperty("jdbc.password"));
            config.setMaximumPoolSize(4);
            return new HikariDataSource(config);
        }

        private static String rootMessage(Throwable e) {
            Throwable root = e;
            while (root.getCause() != null) {
                root = root.getCause();
            }
            String message = root.getMessage();
            return message.length() > 160 ? message.substring(0, 160) + "…" : message;
        }

        private static void sleep(long millis) {
            try {
                Thread.sleep(millis);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
