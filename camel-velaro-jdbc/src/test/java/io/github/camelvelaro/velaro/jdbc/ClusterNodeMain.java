package io.github.camelvelaro.velaro.jdbc;

import java.io.FileOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import com.zaxxer.hikari.HikariDataSource;
import io.github.camelvelaro.velaro.VelaroComponent;
import io.github.camelvelaro.velaro.VelaroConstants;
import io.github.camelvelaro.velaro.model.Conversation;
import io.github.camelvelaro.velaro.model.CreateConversation;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.ShutdownRoute;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.platform.http.vertx.VertxPlatformHttpServer;
import org.apache.camel.component.platform.http.vertx.VertxPlatformHttpServerConfiguration;
import org.apache.camel.component.zookeeper.cluster.ZooKeeperClusterService;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.processor.idempotent.jdbc.JdbcMessageIdRepository;
import org.apache.camel.processor.idempotent.jdbc.JdbcOrphanLockAwareIdempotentRepository;

/**
 * One node of {@link ClusterMultiJvmTest}, in its own JVM: it produces as fast as the shared quota allows, polls
 * when it leads ({@code master:} on ZooKeeper), and receives webhooks, with the quota, the cursor and the
 * de-duplication in one PostgreSQL. Each effect is a line appended to a file of its own.
 * <p>
 * Arguments: name, Velaro base URL, API key, JDBC URL, ZooKeeper connect string, HTTP port, webhook secret, output
 * directory, rateLimitPerMinute.
 */
public final class ClusterNodeMain {

    /** Claims of a dead node expire after this; kept short so the test does not wait long for redeliveries. */
    static final long CLAIM_MAX_AGE_MILLIS = 3000;

    private ClusterNodeMain() {
    }

    public static void main(String[] args) throws Exception {
        String name = args[0];
        Path dir = Path.of(args[7]);
        HikariDataSource pool = PostgresSupport.pool(args[3], 6);

        DefaultCamelContext context = new DefaultCamelContext();
        context.getCamelContextExtension().setName(name);
        ZooKeeperClusterService cluster = new ZooKeeperClusterService();
        cluster.setId(name);
        cluster.setNodes(args[4]);
        cluster.setBasePath("/velaro-cluster");
        cluster.setSessionTimeout(2000);
        cluster.setConnectTimeout(2000);
        context.addService(cluster);

        VertxPlatformHttpServerConfiguration http = new VertxPlatformHttpServerConfiguration();
        http.setBindHost("127.0.0.1");
        http.setBindPort(Integer.parseInt(args[5]));
        context.addService(new VertxPlatformHttpServer(http));

        VelaroComponent velaro = new VelaroComponent();
        velaro.getAccount().setApiKey(args[2]);
        velaro.getAccount().setBaseUrl(args[1]);
        velaro.getAccount().setRateLimitPerMinute(Integer.parseInt(args[8]));
        velaro.setQuotaStore(new JdbcQuotaStore(pool));
        context.addComponent("velaro", velaro);

        context.getRegistry().bind("offsets", new JdbcStateRepository(pool, "offsets"));
        context.getRegistry().bind("completed", new JdbcMessageIdRepository(pool, "velaro-completed"));
        JdbcOrphanLockAwareIdempotentRepository claims =
                new JdbcOrphanLockAwareIdempotentRepository(pool, "velaro-claims", context);
        claims.setLockMaxAgeMillis(CLAIM_MAX_AGE_MILLIS);
        claims.setLockKeepAliveIntervalMillis(CLAIM_MAX_AGE_MILLIS / 4);
        context.getRegistry().bind("claims", claims);

        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from("master:velaro:velaro:conversations?startFrom=beginning&delay=300&initialDelay=0&pageSize=50"
                     + "&offsetRepository=#offsets")
                        .routeId("poller").shutdownRoute(ShutdownRoute.Defer)
                        .process(e -> {
                            Conversation c = e.getMessage().getBody(Conversation.class);
                            append(dir.resolve(name + ".polled"), c.getId() + "@" + c.getUpdatedAt());
                        });
                // the same namespace: the leader of the poller, telling the test who it is
                from("master:velaro:timer:beat?period=200").routeId("beat")
                        .process(e -> Files.writeString(dir.resolve(name + ".beat"), Long.toString(System.nanoTime())));
                from("webhook:velaro:events?webhookSecret=RAW(" + args[6] + ")&webhookPath=/velaro/events"
                     + "&idempotentRepository=#completed&inProgressRepository=#claims")
                        .routeId("webhooks")
                        .process(e -> append(dir.resolve(name + ".events"),
                                e.getMessage().getHeader(VelaroConstants.EVENT_ID, String.class)));
            }
        });
        context.start();
        Files.writeString(dir.resolve(name + ".started"), name);

        // produce as fast as the shared quota allows, until the test says stop
        ProducerTemplate template = context.createProducerTemplate();
        Path stop = dir.resolve("stop");
        while (!Files.exists(stop)) {
            try {
                Conversation created = template.requestBody("velaro:conversations?operation=create",
                        new CreateConversation("from " + name), Conversation.class);
                append(dir.resolve(name + ".created"), created.getId());
            } catch (RuntimeException e) {
                System.out.println(name + " could not create: " + e.getMessage());
                Thread.sleep(200);
            }
        }
        Thread.currentThread().join(); // keep polling and receiving until killed
    }

    /** One line, with a stream an interrupt cannot abort halfway. */
    static void append(Path file, String line) throws IOException {
        try (FileOutputStream out = new FileOutputStream(file.toFile(), true)) {
            out.write((line + "\n").getBytes(StandardCharsets.UTF_8));
        }
    }
}
