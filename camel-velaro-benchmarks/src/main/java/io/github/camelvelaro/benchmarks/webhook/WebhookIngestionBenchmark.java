package io.github.camelvelaro.benchmarks.webhook;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;

import com.standardwebhooks.Webhook;
import io.github.camelvelaro.velaro.model.VelaroEvent;
import io.github.camelvelaro.velaro.model.VelaroJson;
import org.apache.camel.CamelContext;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.platform.http.vertx.VertxPlatformHttpServer;
import org.apache.camel.component.platform.http.vertx.VertxPlatformHttpServerConfiguration;
import org.apache.camel.impl.DefaultCamelContext;

/**
 * Requests per second of signed Velaro events through {@code webhook:velaro:events} (size cap, Standard Webhooks
 * verification, JSON parsing, de-duplication, route) against a bare {@code platform-http} route that does none of it,
 * on the same vert.x server, driven by the same JDK HttpClient load loop; prints the rates and their ratio.
 * <p>
 * A third target, a platform-http route that only binds the body to {@code VelaroEvent} as the consumer must, splits
 * the difference: what the typed JSON model costs, and what verification and de-duplication add on top.
 * <p>
 * Both targets receive identical requests: every request is signed with a fresh id and the current time by the
 * client, so the client-side cost is the same and only the server side differs. The two targets are measured in
 * alternating rounds so drift in machine load falls on both. System properties: {@code senders} (4),
 * {@code warmupSeconds} (15), {@code roundSeconds} (3), {@code rounds} (10 per target).
 */
public final class WebhookIngestionBenchmark {

    private static final String VELARO_PATH = "/bench/velaro";
    private static final String BARE_PATH = "/bench/bare";
    private static final String PARSE_PATH = "/bench/parse";

    private final int senders = Integer.getInteger("senders", 4);
    private final Duration warmup = Duration.ofSeconds(Integer.getInteger("warmupSeconds", 15));
    private final Duration round = Duration.ofSeconds(Integer.getInteger("roundSeconds", 3));
    private final int rounds = Integer.getInteger("rounds", 10);

    private final String secret;
    private final Webhook signer;
    private final AtomicLong ids = new AtomicLong();
    private final AtomicLong routed = new AtomicLong();
    private final AtomicLong ioErrors = new AtomicLong();
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();
    private int port;

    private WebhookIngestionBenchmark() {
        byte[] key = new byte[32];
        new SecureRandom().nextBytes(key);
        secret = "whsec_" + Base64.getEncoder().encodeToString(key);
        signer = new Webhook(secret);
    }

    public static void main(String[] args) throws Exception {
        new WebhookIngestionBenchmark().run();
    }

    private void run() throws Exception {
        try (CamelContext context = new DefaultCamelContext()) {
            VertxPlatformHttpServerConfiguration conf = new VertxPlatformHttpServerConfiguration();
            conf.setBindHost("127.0.0.1");
            conf.setBindPort(0);
            VertxPlatformHttpServer server = new VertxPlatformHttpServer(conf);
            context.addService(server);
            context.addRoutes(new RouteBuilder() {
                @Override
                public void configure() {
                    // the same trivial route step behind every target, so the differences are what happens before it
                    from("webhook:velaro:events?webhookSecret=RAW(" + secret + ")&webhookPath=" + VELARO_PATH)
                            .routeId("velaro").process(e -> routed.incrementAndGet());
                    // the same empty 204 answer as the webhook consumer's: without clearing the headers platform-http
                    // would echo the request's headers back, and the bare side would write more than the other
                    from("platform-http:" + BARE_PATH + "?httpMethodRestrict=POST")
                            .routeId("bare").process(e -> {
                                routed.incrementAndGet();
                                e.getMessage().getHeaders().clear();
                                e.getMessage().setBody(null);
                            });
                    from("platform-http:" + PARSE_PATH + "?httpMethodRestrict=POST")
                            .routeId("parse").process(e -> {
                                VelaroJson.read(e.getMessage().getBody(byte[].class), VelaroEvent.class);
                                routed.incrementAndGet();
                                e.getMessage().getHeaders().clear();
                                e.getMessage().setBody(null);
                            });
                }
            });
            context.start();
            port = server.getServer().actualPort();

            System.out.printf(Locale.ROOT, "Webhook ingestion: %d senders, warm-up %ds per target, %d x %ds rounds per "
                                           + "target, %d cores%n",
                    senders, warmup.toSeconds(), rounds, round.toSeconds(), Runtime.getRuntime().availableProcessors());
            List<String> paths = List.of(BARE_PATH, PARSE_PATH, VELARO_PATH);
            for (String path : paths) {
                load(path, warmup);
            }

            long[] requests = new long[paths.size()];
            double[] seconds = new double[paths.size()];
            List<Double> roundRatios = new ArrayList<>();
            for (int i = 0; i < rounds; i++) {
                StringBuilder line = new StringBuilder("round " + (i + 1) + ":");
                double[] rates = new double[paths.size()];
                // the order rotates from round to round, so no target always follows the same one
                for (int k = 0; k < paths.size(); k++) {
                    int t = (i + k) % paths.size();
                    Result result = load(paths.get(t), round);
                    requests[t] += result.ok();
                    seconds[t] += result.seconds();
                    rates[t] = result.rate();
                }
                for (int t = 0; t < paths.size(); t++) {
                    line.append(String.format(Locale.ROOT, " %s %.0f req/s", paths.get(t), rates[t]));
                }
                roundRatios.add(rates[2] / rates[0]);
                System.out.println(line);
            }
            double bare = requests[0] / seconds[0];
            double parse = requests[1] / seconds[1];
            double velaro = requests[2] / seconds[2];
            System.out.printf(Locale.ROOT, "bare platform-http (no work):          %.0f req/s%n", bare);
            System.out.printf(Locale.ROOT, "platform-http binding VelaroEvent:     %.0f req/s%n", parse);
            System.out.printf(Locale.ROOT, "webhook:velaro:events:                 %.0f req/s%n", velaro);
            System.out.printf(Locale.ROOT, "ratio velaro / bare:                   %.3f (target >= 0.95)%n", velaro / bare);
            // adjacent rounds share the machine's load at that moment: their median ratio resists drift
            System.out.printf(Locale.ROOT, "median of per-round ratios:            %.3f%n", median(roundRatios));
            System.out.printf(Locale.ROOT, "ratio velaro / binding only:           %.3f%n", velaro / parse);
            System.out.printf(Locale.ROOT, "client I/O errors (not counted):       %d%n", ioErrors.get());
        }
    }

    private static double median(List<Double> values) {
        List<Double> sorted = values.stream().sorted().toList();
        int n = sorted.size();
        return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
    }

    private record Result(long ok, double seconds) {
        double rate() {
            return ok / seconds;
        }
    }

    /** Runs {@code senders} loops against one path for a while; fails if any answer is not 2xx or not routed. */
    private Result load(String path, Duration duration) throws Exception {
        URI uri = URI.create("http://127.0.0.1:" + port + path);
        long routedBefore = routed.get();
        long ioErrorsBefore = ioErrors.get();
        ExecutorService pool = Executors.newFixedThreadPool(senders);
        try {
            long start = System.nanoTime();
            long end = start + duration.toNanos();
            List<Future<long[]>> results = new ArrayList<>();
            for (int i = 0; i < senders; i++) {
                results.add(pool.submit(() -> send(uri, end)));
            }
            long ok = 0;
            long failed = 0;
            for (Future<long[]> f : results) {
                long[] counts = f.get();
                ok += counts[0];
                failed += counts[1];
            }
            double seconds = (System.nanoTime() - start) / 1e9;
            long routedNow = routed.get() - routedBefore;
            long lost = ioErrors.get() - ioErrorsBefore;
            // a request whose answer was lost to a client I/O error may still have been routed
            if (failed > 0 || routedNow < ok || routedNow > ok + lost) {
                throw new IllegalStateException(path + ": " + failed + " answers were not 2xx, " + routedNow
                                                + " routed for " + ok + " acknowledged requests");
            }
            return new Result(ok, seconds);
        } finally {
            pool.shutdownNow();
        }
    }

    private long[] send(URI uri, long end) throws Exception {
        long ok = 0;
        long failed = 0;
        while (System.nanoTime() < end) {
            String id = "evt_" + ids.incrementAndGet();
            String body = event(id);
            long timestamp = System.currentTimeMillis() / 1000;
            HttpRequest request = HttpRequest.newBuilder(uri)
                    .header("Content-Type", "application/json")
                    .header("webhook-id", id)
                    .header("webhook-timestamp", Long.toString(timestamp))
                    .header("webhook-signature", signer.sign(id, timestamp, body))
                    .POST(HttpRequest.BodyPublishers.ofString(body))
                    .build();
            HttpResponse<Void> response;
            try {
                response = http.send(request, HttpResponse.BodyHandlers.discarding());
            } catch (IOException e) {
                // the JDK client now and then loses a pooled keep-alive connection under load; not the server's doing
                ioErrors.incrementAndGet();
                continue;
            }
            if (response.statusCode() / 100 == 2) {
                ok++;
            } else {
                failed++;
            }
        }
        return new long[] { ok, failed };
    }

    /** A conversation.resolved event as Velaro sends it (about 600 bytes). */
    private static String event(String id) {
        return "{\"id\":\"" + id + "\",\"type\":\"conversation.resolved\",\"createdAt\":\"2026-11-27T10:15:30Z\","
               + "\"data\":{\"id\":\"c_" + id + "\",\"status\":\"resolved\",\"channel\":\"web\",\"visitorName\":\"Jane Doe\","
               + "\"visitorEmail\":\"jane@example.com\",\"contactId\":\"k_81\",\"assignedAgent\":\"Sam Agent\","
               + "\"createdAt\":\"2026-11-27T10:00:00Z\",\"updatedAt\":\"2026-11-27T10:15:30Z\","
               + "\"resolvedAt\":\"2026-11-27T10:15:30Z\",\"customData\":{\"orderId\":\"12345\",\"plan\":\"gold\","
               + "\"source\":\"pricing-page\"},\"tags\":[\"billing\",\"refund\"],\"rating\":5,"
               + "\"summary\":\"Visitor asked about a refund for order 12345; agent issued it and closed the chat.\"}}";
    }
}
