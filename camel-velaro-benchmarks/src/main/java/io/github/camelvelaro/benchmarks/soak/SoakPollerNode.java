package io.github.camelvelaro.benchmarks.soak;

import java.io.File;
import java.io.FileOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;

import io.github.camelvelaro.velaro.VelaroComponent;
import io.github.camelvelaro.velaro.consumer.AtomicFileStateRepository;
import io.github.camelvelaro.velaro.model.Conversation;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.support.processor.state.FileStateRepository;
import org.apache.logging.log4j.Level;
import org.apache.logging.log4j.core.config.Configurator;

/**
 * The poller the soak kills, run in a JVM of its own: a plain CamelContext polling {@code velaro:conversations} from
 * the beginning, its offset in a {@link FileStateRepository}, appending {@code <id> <updatedAt>} of every routed
 * conversation to the delivery log and forcing it to disk before the exchange completes. The poller commits its
 * offset after the exchange completes, so a kill can only cut off the commit of a delivery already on disk (at least
 * once). SIGTERM stops the CamelContext gracefully (the shutdown hook).
 * <p>
 * Arguments: base URL, offsets file, delivery log, ready file, poll delay (ms), page size, offsets repository
 * ({@code atomic}: {@link AtomicFileStateRepository}; {@code file}: Camel's FileStateRepository). The API key comes from
 * the environment variable {@value #KEY_VARIABLE}, so it never shows in a process listing.
 */
public final class SoakPollerNode {

    static final String KEY_VARIABLE = "VELARO_SOAK_API_KEY";

    private SoakPollerNode() {
    }

    public static void main(String[] args) throws Exception {
        String baseUrl = args[0];
        File offsets = new File(args[1]);
        Path deliveries = Path.of(args[2]);
        Path ready = Path.of(args[3]);
        long delay = Long.parseLong(args[4]);
        int pageSize = Integer.parseInt(args[5]);
        String offsetsKind = args[6];
        // where the poller resumes, and what it did when stopped, in this node's log
        Configurator.setLevel("io.github.camelvelaro.velaro.consumer", Level.INFO);

        DefaultCamelContext context = new DefaultCamelContext();
        VelaroComponent velaro = new VelaroComponent();
        velaro.getAccount().setApiKey(System.getenv(KEY_VARIABLE));
        // the component's own limits lifted too: the soak measures delivery, not the request budget
        velaro.getAccount().setRateLimitPerMinute(1_000_000);
        velaro.getAccount().setDailyRequestLimit(100_000_000);
        context.addComponent("velaro", velaro);
        context.getRegistry().bind("offsets", "atomic".equals(offsetsKind)
                ? AtomicFileStateRepository.atomicFileStateRepository(offsets) : FileStateRepository.fileStateRepository(offsets));

        // one write() per line, so a kill leaves whole lines; a stream, not a channel: an interrupt while stopping
        // cannot close it halfway (an interruptible channel would throw after writing, failing a delivered exchange)
        FileOutputStream deliveryLog = new FileOutputStream(deliveries.toFile(), true);
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from("velaro:conversations?baseUrl=" + baseUrl + "&startFrom=beginning&offsetRepository=#offsets"
                     + "&pageSize=" + pageSize + "&delay=" + delay + "&initialDelay=0")
                        .routeId("soak-poller")
                        .process(exchange -> {
                            Conversation c = exchange.getMessage().getBody(Conversation.class);
                            deliveryLog.write((c.getId() + " " + c.getUpdatedAt() + "\n").getBytes(StandardCharsets.UTF_8));
                            // on disk before the exchange completes, and so before the offset is committed
                            deliveryLog.getFD().sync();
                        });
            }
        });
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            context.stop();
            stopped.countDown();
        }));
        try {
            context.start();
        } catch (RuntimeException e) {
            // e.g. an offsets file it cannot read: exit (as a service would) rather than linger half started
            e.printStackTrace();
            System.exit(1);
        }
        Files.writeString(ready, Long.toString(ProcessHandle.current().pid()));
        stopped.await();
    }
}
