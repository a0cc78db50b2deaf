package io.github.camelvelaro.benchmarks.client;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.lang.management.ManagementFactory;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import io.github.camelvelaro.velaro.VelaroConstants;
import io.github.camelvelaro.velaro.client.ApiKey;
import io.github.camelvelaro.velaro.client.RateGovernor;
import io.github.camelvelaro.velaro.client.RateLimitHeaders;
import io.github.camelvelaro.velaro.client.RateLimits;
import io.github.camelvelaro.velaro.model.Conversation;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.hc.client5.http.async.methods.SimpleHttpRequest;
import org.apache.hc.client5.http.async.methods.SimpleRequestBuilder;
import org.apache.hc.client5.http.classic.methods.HttpPost;
import org.apache.hc.client5.http.impl.async.CloseableHttpAsyncClient;
import org.apache.hc.client5.http.impl.async.HttpAsyncClients;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManagerBuilder;
import org.apache.hc.client5.http.impl.nio.PoolingAsyncClientConnectionManagerBuilder;
import org.apache.hc.core5.http.ContentType;
import org.apache.hc.core5.http.io.entity.ByteArrayEntity;
import org.apache.hc.core5.http.io.entity.EntityUtils;

/**
 * Requests/s and client CPU per request of {@code to("velaro:conversations")} (create) against what a user would
 * pick instead, sending the same POST to the same stub (in a separate JVM, so the CPU measured is the client's), in
 * one run: a raw JDK {@code HttpClient} loop, raw Apache HttpClient 5 loops (classic and async: which API the
 * transport uses), and a hand-built camel-http route ({@code direct} → {@code marshal().json()} → camel-http →
 * {@code unmarshal().json()}). At 1 and at 4 callers: a warm-up, then rounds in which every client runs in turn;
 * the median of the rounds is reported with ratios against the raw JDK loop and against the camel-http route. Then
 * the governor's own cost and the client's cost without the network.
 * <p>
 * Arguments (all optional): {@code seconds-per-round rounds callers...} (default {@code 5 3 1 4}).
 */
public final class ProducerThroughputBenchmark {

    static final String KEY = "vlk_" + "B".repeat(48);
    static final Map<String, Object> INPUT = Map.of("visitorName", "Jane Doe", "visitorEmail", "jane@example.com",
            "message", "Hi, I have a question about my order");

    private ProducerThroughputBenchmark() {
    }

    interface Sender {
        void send() throws Exception;
    }

    record Result(double perSecond, double cpuMicrosPerRequest) {
    }

    record Client(String name, Sender sender) {
    }

    public static void main(String[] args) throws Exception {
        int seconds = args.length > 0 ? Integer.parseInt(args[0]) : 5;
        int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 3;
        List<Integer> callerCounts = new ArrayList<>();
        for (int i = 2; i < args.length; i++) {
            callerCounts.add(Integer.parseInt(args[i]));
        }
        if (callerCounts.isEmpty()) {
            callerCounts = List.of(1, 4);
        }

        Process server = startServer();
        List<AutoCloseable> closing = new ArrayList<>();
        try {
            int port = readPort(server);
            String base = "http://127.0.0.1:" + port + "/v1";
            System.out.printf("stub server on %s (separate JVM); %d rounds of %d s after a warm-up, callers %s, %d cores%n",
                    base, rounds, seconds, callerCounts, Runtime.getRuntime().availableProcessors());
            byte[] json = io.github.camelvelaro.velaro.model.VelaroJson.toJsonBytes(INPUT);
            URI create = URI.create(base + "/conversations");

            HttpClient jdk = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
            HttpRequest jdkRequest = HttpRequest.newBuilder(create)
                    .header("Authorization", "Bearer " + KEY).header("Content-Type", "application/json")
                    .header("Accept", "application/json").header("User-Agent", "plain/1")
                    .POST(HttpRequest.BodyPublishers.ofByteArray(json)).build();
            Sender rawJdk = () -> check("raw JDK", jdk.send(jdkRequest, HttpResponse.BodyHandlers.ofByteArray()).statusCode());

            CloseableHttpClient classic = HttpClients.custom().disableAutomaticRetries().disableRedirectHandling()
                    .setConnectionManager(PoolingHttpClientConnectionManagerBuilder.create()
                            .setMaxConnPerRoute(20).setMaxConnTotal(200).build()).build();
            closing.add(classic);
            Sender rawClassic = () -> {
                HttpPost post = new HttpPost(create);
                post.addHeader("Authorization", "Bearer " + KEY);
                post.addHeader("Accept", "application/json");
                post.setEntity(new ByteArrayEntity(json, ContentType.APPLICATION_JSON));
                classic.execute(post, response -> {
                    check("raw HC5 classic", response.getCode());
                    return EntityUtils.toByteArray(response.getEntity());
                });
            };

            CloseableHttpAsyncClient async = HttpAsyncClients.custom().disableAutomaticRetries()
                    .disableRedirectHandling().setConnectionManager(PoolingAsyncClientConnectionManagerBuilder.create()
                            .setMaxConnPerRoute(20).setMaxConnTotal(200).build()).build();
            async.start();
            closing.add(async);
            Sender rawAsync = () -> {
                SimpleHttpRequest post = SimpleRequestBuilder.post(create).addHeader("Authorization", "Bearer " + KEY)
                        .addHeader("Accept", "application/json").setBody(json, ContentType.APPLICATION_JSON).build();
                check("raw HC5 async", async.execute(post, null).get().getCode());
            };

            CamelContext camel = new DefaultCamelContext();
            camel.addRoutes(new RouteBuilder() {
                @Override
                public void configure() {
                    from("direct:camelHttp")
                            .marshal().json()
                            .setHeader("Authorization", constant("Bearer " + KEY))
                            .setHeader(Exchange.HTTP_METHOD, constant("POST"))
                            .setHeader(Exchange.CONTENT_TYPE, constant("application/json"))
                            .to("http://127.0.0.1:" + port + "/v1/conversations")
                            .unmarshal().json();
                }
            });
            camel.start();
            closing.add(camel);
            ProducerTemplate template = camel.createProducerTemplate();
            org.apache.camel.Endpoint direct = camel.getEndpoint("direct:camelHttp");
            Sender camelHttp = () -> {
                Object body = template.requestBody(direct, INPUT);
                if (!(body instanceof Map<?, ?> m) || !"c_1".equals(m.get("id"))) {
                    throw new IllegalStateException("camel-http returned " + body);
                }
            };
            // resolved once, as a route's to(...) is
            org.apache.camel.Endpoint velaroEndpoint = camel.getEndpoint("velaro:conversations?apiKey=RAW(" + KEY
                    + ")&baseUrl=" + base + "&rateLimitPerMinute=100000000&dailyRequestLimit=2000000000");
            Sender velaro = () -> {
                Object body = template.requestBody(velaroEndpoint, INPUT);
                if (!(body instanceof Conversation)) {
                    throw new IllegalStateException("velaro returned " + body);
                }
            };

            List<Client> clients = List.of(new Client("raw JDK HttpClient", rawJdk),
                    new Client("raw HC5 classic", rawClassic), new Client("raw HC5 async", rawAsync),
                    new Client("camel-http route", camelHttp), new Client("velaro", velaro));
            for (int callers : callerCounts) {
                compare(clients, callers, seconds, rounds);
            }
        } finally {
            for (AutoCloseable c : closing) {
                c.close();
            }
            server.getOutputStream().close();
            server.waitFor(10, TimeUnit.SECONDS);
            server.destroyForcibly();
        }
        governorCost();
        clientCost();
    }

    private static void check(String who, int status) {
        if (status != 200) {
            throw new IllegalStateException(who + " got " + status);
        }
    }

    /** Warm-up, then {@code rounds} rounds in which each client runs in turn; prints the medians and ratios. */
    static void compare(List<Client> clients, int callers, int seconds, int rounds) throws Exception {
        for (Client c : clients) {
            run(c.sender(), callers, 3); // JIT, connection pools
        }
        Map<String, List<Result>> results = new LinkedHashMap<>();
        for (int r = 0; r < rounds; r++) {
            StringBuilder line = new StringBuilder("  round " + (r + 1) + " (" + callers + " callers):");
            for (Client c : clients) {
                Result result = run(c.sender(), callers, seconds);
                results.computeIfAbsent(c.name(), k -> new ArrayList<>()).add(result);
                line.append(String.format(" | %s %,.0f req/s %.1f us", c.name(), result.perSecond(),
                        result.cpuMicrosPerRequest()));
            }
            System.out.println(line);
        }
        Map<String, Result> medians = new LinkedHashMap<>();
        results.forEach((name, list) -> medians.put(name, new Result(
                median(list.stream().mapToDouble(Result::perSecond).toArray()),
                median(list.stream().mapToDouble(Result::cpuMicrosPerRequest).toArray()))));
        Result raw = medians.get("raw JDK HttpClient");
        Result http = medians.get("camel-http route");
        System.out.printf("%n%d caller(s), median of %d rounds of %d s:%n", callers, rounds, seconds);
        System.out.println("| client | req/s | client CPU us/request | throughput vs raw JDK | vs camel-http | CPU vs raw JDK | vs camel-http |");
        System.out.println("|---|---|---|---|---|---|---|");
        medians.forEach((name, m) -> System.out.printf("| %s | %,.0f | %.1f | %.2f | %.2f | %.2f | %.2f |%n", name,
                m.perSecond(), m.cpuMicrosPerRequest(), m.perSecond() / raw.perSecond(),
                m.perSecond() / http.perSecond(), m.cpuMicrosPerRequest() / raw.cpuMicrosPerRequest(),
                m.cpuMicrosPerRequest() / http.cpuMicrosPerRequest()));
        Result v = medians.get("velaro");
        System.out.printf("GOAL velaro vs camel-http at %d caller(s): throughput %.2fx (target >= 1.0), CPU %.2fx (target <= 1.0)%n%n",
                callers, v.perSecond() / http.perSecond(), v.cpuMicrosPerRequest() / http.cpuMicrosPerRequest());
    }

    /** The client's own work per request, without the network: build, govern, send (canned), map headers and body. */
    static void clientCost() {
        ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor();
        io.github.camelvelaro.velaro.client.VelaroClient velaro = new io.github.camelvelaro.velaro.client.VelaroClient(
                CannedHttpClient.create(), Duration.ofSeconds(10), URI.create("http://127.0.0.1:1/v1"),
                io.github.camelvelaro.velaro.client.KeyRing.fixed(ApiKey.of(KEY, "apiKey")),
                Duration.ofSeconds(30), 16L << 20, new RateGovernor(Clock.systemUTC(), scheduler),
                new RateLimits(Integer.MAX_VALUE, Integer.MAX_VALUE, 3, Duration.ofMinutes(2)), Runnable::run);
        double client = 0;
        double binding = 0;
        int n = 500_000;
        for (int round = 0; round < 6; round++) {
            long start = System.nanoTime();
            for (int i = 0; i < n; i++) {
                velaro.getConversation("c_1").join();
            }
            long middle = System.nanoTime();
            for (int i = 0; i < n; i++) {
                try {
                    io.github.camelvelaro.velaro.model.VelaroJson.read(StubVelaroServer.CONVERSATION, Conversation.class);
                } catch (java.io.IOException e) {
                    throw new IllegalStateException(e);
                }
            }
            long end = System.nanoTime();
            if (round >= 2) { // the first rounds warm up
                client += (middle - start) / 1e3 / n / 4;
                binding += (end - middle) / 1e3 / n / 4;
            }
        }
        System.out.printf("CLIENT without network: %.2f us per request, of which %.2f us binding the JSON to Conversation%n",
                client, binding);
        scheduler.shutdownNow();
    }

    /** The governor alone: acquire + onResponse on one thread, limits lifted. */
    static void governorCost() {
        ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor();
        RateGovernor governor = new RateGovernor(Clock.systemUTC(), scheduler);
        ApiKey key = ApiKey.of(KEY, "apiKey");
        RateLimits limits = new RateLimits(Integer.MAX_VALUE, Integer.MAX_VALUE, 3, Duration.ofMinutes(2));
        RateLimitHeaders headers = new RateLimitHeaders(1000, null, null, null);
        // the 60 s window holds every request of the run: bounded by running in slices of 200,000
        long ops = 0;
        long nanos = 0;
        for (int slice = 0; slice < 25; slice++) {
            RateGovernor g = new RateGovernor(Clock.systemUTC(), scheduler);
            long start = System.nanoTime();
            for (int i = 0; i < 200_000; i++) {
                long permit = g.acquire(key, limits, "GET /conversations/c_1").join();
                g.onResponse(key, permit, 200, headers);
            }
            if (slice >= 5) { // first slices are warm-up
                nanos += System.nanoTime() - start;
                ops += 200_000;
            }
        }
        System.out.printf("GOVERNOR acquire+onResponse: %.0f ns per request (single thread, %,d requests)%n",
                (double) nanos / ops, ops);
        governor.close();
        scheduler.shutdownNow();
    }

    static Result run(Sender sender, int concurrency, int seconds) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(concurrency);
        AtomicLong count = new AtomicLong();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        com.sun.management.OperatingSystemMXBean os
                = (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        long cpuStart = os.getProcessCpuTime();
        long start = System.nanoTime();
        List<CompletableFuture<Void>> workers = new ArrayList<>();
        for (int i = 0; i < concurrency; i++) {
            workers.add(CompletableFuture.runAsync(() -> {
                try {
                    while (System.nanoTime() < deadline) {
                        sender.send();
                        count.incrementAndGet();
                    }
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            }, pool));
        }
        CompletableFuture.allOf(workers.toArray(CompletableFuture[]::new)).join();
        long elapsed = System.nanoTime() - start;
        long cpu = os.getProcessCpuTime() - cpuStart;
        pool.shutdown();
        return new Result(count.get() / (elapsed / 1e9), cpu / 1e3 / count.get());
    }

    static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        int n = sorted.length;
        return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
    }

    static Process startServer() throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        // without TCP_NODELAY the JDK server adds ~40 ms (delayed ACK) to every response
        return new ProcessBuilder(java, "-Dsun.net.httpserver.nodelay=true", "-cp", classPath(),
                StubVelaroServer.class.getName())
                .redirectError(ProcessBuilder.Redirect.INHERIT).start();
    }

    /** The class path of this harness, also under exec:java (which loads it through its own class loader). */
    static String classPath() throws Exception {
        ClassLoader loader = ProducerThroughputBenchmark.class.getClassLoader();
        if (loader instanceof java.net.URLClassLoader urls && urls.getURLs().length > 0) {
            List<String> entries = new ArrayList<>();
            for (java.net.URL url : urls.getURLs()) {
                entries.add(Path.of(url.toURI()).toString());
            }
            return String.join(java.io.File.pathSeparator, entries);
        }
        return System.getProperty("java.class.path");
    }

    static int readPort(Process server) throws Exception {
        BufferedReader reader = new BufferedReader(new InputStreamReader(server.getInputStream(), StandardCharsets.UTF_8));
        String line = reader.readLine();
        if (line == null || !line.startsWith("PORT ")) {
            throw new IllegalStateException("stub server did not start: " + line);
        }
        return Integer.parseInt(line.substring(5).trim());
    }
}
