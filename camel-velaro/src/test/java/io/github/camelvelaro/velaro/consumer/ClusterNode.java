package io.github.camelvelaro.velaro.consumer;

import java.io.File;
import java.io.FileOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import io.github.camelvelaro.velaro.VelaroComponent;
import io.github.camelvelaro.velaro.model.Conversation;
import org.apache.camel.ShutdownRoute;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.file.cluster.FileLockClusterService;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.support.processor.state.FileStateRepository;

/**
 * One node of the failover test, run in its own JVM: a {@code master:} poller under the file-lock cluster service,
 * sharing its offset through a FileStateRepository, appending {@code id@updatedAt} of every routed conversation to a
 * file. SIGTERM stops the CamelContext gracefully (the shutdown hook), as a service manager would.
 * <p>
 * Arguments: name, base URL, cluster directory, state file, output file.
 */
public final class ClusterNode {

    private ClusterNode() {
    }

    public static void main(String[] args) throws Exception {
        String name = args[0];
        String baseUrl = args[1];
        Path out = Path.of(args[4]);

        DefaultCamelContext context = new DefaultCamelContext();
        context.getCamelContextExtension().setName(name);
        FileLockClusterService cluster = new FileLockClusterService();
        cluster.setId(name);
        cluster.setRoot(args[2]);
        cluster.setAcquireLockDelay(200, TimeUnit.MILLISECONDS);
        cluster.setAcquireLockInterval(500, TimeUnit.MILLISECONDS);
        context.addService(cluster);

        VelaroComponent velaro = new VelaroComponent();
        velaro.getAccount().setApiKey(PollingTestSupport.KEY);
        velaro.getAccount().setRateLimitPerMinute(100_000);
        velaro.getAccount().setDailyRequestLimit(100_000);
        context.addComponent("velaro", velaro);
        context.getRegistry().bind("fileState", FileStateRepository.fileStateRepository(new File(args[3])));

        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from("master:velaro:velaro:conversations?baseUrl=" + baseUrl
                     + "&startFrom=beginning&pageSize=10&delay=200&initialDelay=0&offsetRepository=#fileState")
                        .routeId("poller")
                        // camel-master stops a route's processors at once unless told to defer: then the item in
                        // flight completes (and is committed) before the leadership is given up
                        .shutdownRoute(ShutdownRoute.Defer)
                        .process(exchange -> {
                            // the work first, the visible effect last: an interrupt on shutdown fails the exchange
                            // before anything is written; the write itself uses a stream an interrupt cannot abort
                            // halfway (an interruptible channel would throw after writing, failing an exchange whose
                            // effect happened)
                            Thread.sleep(15);
                            Conversation c = exchange.getMessage().getBody(Conversation.class);
                            try (FileOutputStream append = new FileOutputStream(out.toFile(), true)) {
                                append.write((c.getId() + "@" + c.getUpdatedAt() + "\n").getBytes(StandardCharsets.UTF_8));
                            }
                        });
            }
        });
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            context.stop();
            stopped.countDown();
        }));
        context.start();
        Files.writeString(Path.of(args[4] + ".started"), name);
        stopped.await();
    }
}
