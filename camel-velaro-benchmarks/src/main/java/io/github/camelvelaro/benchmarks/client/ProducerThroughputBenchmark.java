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
import java.util.List;
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
import org.apache.camel.ProducerTemplate;
import org.apache.camel.impl.DefaultCamelContext;

/**
 * Requests/s and client CPU per request of {@code to("velaro:conversations?operation=get")} against a plain
 * {@code java.net.http.HttpClient} loop sending the same request to the same local server (in a separate JVM), in
 * one run; rounds alternate between the two and medians are reported. Then the governor's own cost per request.
 * <p>
 * Arguments (all optional): {@code seconds-per-round rounds concurrency}.
 */
public final class ProducerThroughputBenchmark {

    static final String KEY = "vlk_" + "B".repeat(48);

    private ProducerThroughputBenchmark() {
    }

    interface Sender {
        void send() throws Exception;
    }

    record Result(double perSecond, double cpuMicrosPerRequest) {
    }

    public static void main(String[] args) throws Exception {
        int seconds = args.length > 0 ? Integer.parseInt(args[0]) : 5;
        int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 5;
        int concurrency = args.length > 2 ? Integer.parseInt(args[2]) : 4;

        Process server = startServer();
        try {
            int port = readPort(server);
            String base = "http://127.0.0.1:" + port + "/v1";
            System.out.printf("stub server on %s (separate JVM); %d rounds of %d s, %d concurrent callers, %d cores%n",
                    base, rounds, seconds, concurrency, Runtime.getRuntime().availableProcessors());

            HttpClient plainClient = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
            HttpRequest plainRequest = HttpRequest.newBuilder(URI.create(base + "/conversations/c_1"))
                    .header("Authorization", "Bearer " + KEY).header("Content-Type", "application/json")
                    .header("Accept", "application/json").header("User-Agent", "plain/1").GET().build();
            Sender plain = () -> {
                HttpResponse<byte[]> r = plainClient.send(plainRequest, HttpResponse.BodyHandlers.ofByteArray());
                if (r.statusCode() != 200) {
                    throw new IllegalStateException("plain got " + r.statusCode());
                }
            };

            CamelContext camel = new DefaultCamelContext();
            camel.start();
            ProducerTemplate template = camel.createProducerTemplate();
            String uri = "velaro:conversations?operation=get&apiKey=RAW(" + KEY + ")&baseUrl=" + base
                         + "&rateLimitPerMinute=100000000&dailyRequestLimit=2000000000";
            // resolved once, as a route's to(...) is
            org.apache.camel.Endpoint endpoint = camel.getEndpoint(uri);
            Sender velaro = () -> {
                Object body = template.requestBodyAndHeader(endpoint, null, VelaroConstants.CONVERSATION_ID, "c_1");
                if (!(body instanceof Conversation)) {
                    throw new IllegalStateException("velaro returned " + body);
                }
            };

            // warm up both paths (JIT, connection pools)
            run(plain, concurrency, 3);
            run(velaro, concurrency, 3);
            List<Result> plainResults = new ArrayList<>();
            List<Result> velaroResults = new ArrayList<>();
            for (int r = 0; r < rounds; r++) {
                plainResults.add(run(plain, concurrency, seconds));
                velaroResults.add(run(velaro, concurrency, seconds));
                System.out.printf("round %d: plain %,.0f req/s %.1f us CPU/req | camel-velaro %,.0f req/s %.1f us CPU/req%n",
                        r + 1, plainResults.get(r).perSecond(), plainResults.get(r).cpuMicrosPerRequest(),
                        velaroResults.get(r).perSecond(), velaroResults.get(r).cpuMicrosPerRequest());
            }
            double plainRate = median(plainResults.stream().mapToDouble(Result::perSecond).toArray());
            double velaroRate = median(velaroResults.stream().mapToDouble(Result::perSecond).toArray());
            double plainCpu = median(plainResults.stream().mapToDouble(Result::cpuMicrosPerRequest).toArray());
            double velaroCpu = median(velaroResults.stream().mapToDouble(Result::cpuMicrosPerRequest).toArray());
            System.out.printf("MEDIAN plain %,.0f req/s, %.1f us CPU/req; camel-velaro %,.0f req/s, %.1f us CPU/req%n",
                    plainRate, plainCpu, velaroRate, velaroCpu);
            System.out.printf("RATIO throughput camel-velaro/plain = %.3f (target >= 0.95); CPU per request = %.3f (target <= 1.10)%n",
                    velaroRate / plainRate, velaroCpu / plainCpu);
            camel.stop();
        } finally {
            server.getOutputStream().close();
            server.waitFor(10, TimeUnit.SECONDS);
            server.destroyForcibly();
        }
        governorCost();
        clientCost();
    }

    /** The client's own work per request, without the network: build, govern, send (canned), map headers and body. */
    static void clientCost() {
        ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor();
        io.github.camelvelaro.velaro.client.VelaroClient velaro = new io.github.camelvelaro.velaro.client.VelaroClient(
                new CannedHttpClient(), URI.create("http://127.0.0.1:1/v1"), ApiKey.of(KEY, "apiKey"),
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
