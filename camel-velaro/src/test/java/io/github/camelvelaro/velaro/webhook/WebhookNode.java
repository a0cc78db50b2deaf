package io.github.camelvelaro.velaro.webhook;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.Processor;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.platform.http.vertx.VertxPlatformHttpServer;
import org.apache.camel.impl.DefaultCamelContext;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * One node behind Velaro's webhook URL: its own CamelContext and HTTP server, a {@code webhook:velaro:events} route
 * with the given options and beans (made for the node's context), and a route step the test can hold and make fail.
 */
final class WebhookNode implements AutoCloseable {

    static final String PATH = "/velaro/events";

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    final Step step = new Step();
    private final DefaultCamelContext context = new DefaultCamelContext();
    private final VertxPlatformHttpServer server;

    WebhookNode(String name, String options, Function<CamelContext, Map<String, Object>> beans) throws Exception {
        context.getCamelContextExtension().setName(name);
        beans.apply(context).forEach(context.getRegistry()::bind);
        server = WebhookTestSupport.serveOnLoopback(context);
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from("webhook:velaro:events?webhookSecret=RAW(" + WebhookTestSupport.SECRET + ")&webhookPath=" + PATH
                     + (options.isEmpty() ? "" : "&" + options))
                        .process(step);
            }
        });
        context.start();
    }

    /** Velaro delivering (or redelivering) event {@code id} to this node. */
    CompletableFuture<HttpResponse<String>> deliverAsync(String id) throws Exception {
        String body = WebhookTestSupport.event(id, "conversation.resolved", WebhookTestSupport.conversation("c_1"));
        URI url = URI.create("http://127.0.0.1:" + server.getServer().actualPort() + PATH);
        return HTTP.sendAsync(WebhookTestSupport.signedDelivery(url, body, id), HttpResponse.BodyHandlers.ofString());
    }

    HttpResponse<String> deliver(String id) throws Exception {
        return deliverAsync(id).get(60, TimeUnit.SECONDS);
    }

    @Override
    public void close() throws Exception {
        step.release();
        context.close();
    }

    /** The route's work: counts calls, and can be held (a slow or hung route) and made to fail. */
    static final class Step implements Processor {
        private final AtomicInteger calls = new AtomicInteger();
        private final Semaphore entered = new Semaphore(0);
        private volatile CountDownLatch held;
        private volatile boolean failing;

        /** The next calls wait until {@link #release}. */
        void hold() {
            held = new CountDownLatch(1);
        }

        void release() {
            CountDownLatch latch = held;
            held = null;
            if (latch != null) {
                latch.countDown();
            }
        }

        void failing(boolean failing) {
            this.failing = failing;
        }

        void awaitEntered() throws InterruptedException {
            assertThat(entered.tryAcquire(60, TimeUnit.SECONDS)).as("the route was entered").isTrue();
        }

        int calls() {
            return calls.get();
        }

        @Override
        public void process(Exchange exchange) throws Exception {
            calls.incrementAndGet();
            CountDownLatch latch = held;
            entered.release();
            if (latch != null) {
                assertThat(latch.await(120, TimeUnit.SECONDS)).as("released by the test").isTrue();
            }
            if (failing) {
                throw new IllegalStateException("the route failed");
            }
        }
    }
}
