package io.github.camelvelaro.benchmarks.polling;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.lang.management.ThreadMXBean;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAccumulator;

import io.github.camelvelaro.velaro.VelaroComponent;
import org.apache.camel.Consumer;
import org.apache.camel.Endpoint;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.spi.PollingConsumerPollStrategy;

/**
 * Many {@code velaro:conversations} pollers in one JVM: threads, start time, heap per poller and how late polls start,
 * for the component's shared scheduler ({@code pollerThreads}, default 10) side by side with a scheduler per poller
 * ({@code pollerThreads=0}, Camel's default and the component's behaviour before the shared one), in one run against
 * the same loopback stub ({@link SyntheticFeedServer} with an empty history: every poll is one quiet request).
 * <p>
 * Lateness is logical: pollers run with a fixed delay, so a poll is due {@code delay} after the previous one ended;
 * lateness is the start of a poll minus that due time, recorded by a {@code pollStrategy} on every poll after the
 * first. System properties: {@code pollers} (1000), {@code delayMillis} (5000), {@code observeSeconds} (30).
 */
public final class PollerScaleBenchmark {

    private static final String KEY = "vlk_" + "C".repeat(48);

    private final int pollers = Integer.getInteger("pollers", 1000);
    private final long delayMillis = Long.getLong("delayMillis", 5000);
    private final int observeSeconds = Integer.getInteger("observeSeconds", 30);

    private record Scenario(String name, int pollerThreads, int rateLimitPerMinute) {
    }

    private record Result(Scenario scenario, long startMillis, int threads, long componentThreads, long heapPerPoller, long firstPollMillis,
                          long polls, long maxLatenessMillis, long p99LatenessMillis, int requests) {
    }

    private PollerScaleBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        new PollerScaleBenchmark().run();
        System.exit(0);
    }

    private void run() throws Exception {
        List<Scenario> scenarios = List.of(
                new Scenario("a scheduler per poller (pollerThreads=0)", 0, 10_000_000),
                new Scenario("shared scheduler (pollerThreads=10)", 10, 10_000_000),
                new Scenario("shared scheduler, key at 60/min", 10, 60));
        System.out.printf(Locale.ROOT, "Poller scale: %d pollers, delay %d ms, observed %d s, %d cores%n", pollers,
                delayMillis, observeSeconds, Runtime.getRuntime().availableProcessors());
        List<Result> results = new ArrayList<>();
        for (Scenario scenario : scenarios) {
            results.add(measure(scenario));
            System.gc();
        }
        System.out.println();
        System.out.println("| scheduler | start | new threads | component threads | heap per poller | all polled once | polls | max lateness "
                           + "| p99 lateness | requests |");
        System.out.println("|---|---|---|---|---|---|---|---|---|---|");
        for (Result r : results) {
            System.out.printf(Locale.ROOT, "| %s | %.2f s | %d | %d | %.1f KiB | %.2f s | %d | %d ms | %d ms | %d |%n",
                    r.scenario().name(), r.startMillis() / 1000.0, r.threads(), r.componentThreads(),
                    r.heapPerPoller() / 1024.0,
                    r.firstPollMillis() / 1000.0, r.polls(), r.maxLatenessMillis(), r.p99LatenessMillis(),
                    r.requests());
        }
    }

    private Result measure(Scenario scenario) throws Exception {
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
        try (SyntheticFeedServer server = new SyntheticFeedServer(0, 1);
             DefaultCamelContext context = new DefaultCamelContext()) {
            VelaroComponent velaro = new VelaroComponent();
            velaro.getAccount().setApiKey(KEY);
            velaro.getAccount().setRateLimitPerMinute(scenario.rateLimitPerMinute());
            velaro.getAccount().setDailyRequestLimit(100_000_000);
            velaro.setPollerThreads(scenario.pollerThreads());
            context.addComponent("velaro", velaro);
            Lateness lateness = new Lateness(TimeUnit.MILLISECONDS.toNanos(delayMillis));
            context.getRegistry().bind("lateness", lateness);
            context.start();

            settle();
            int threadsBefore = threads.getThreadCount();
            long heapBefore = memory.getHeapMemoryUsage().getUsed();
            long started = System.nanoTime();
            lateness.origin = started;
            context.addRoutes(new RouteBuilder() {
                @Override
                public void configure() {
                    for (int i = 0; i < pollers; i++) {
                        // a site each: no two pollers of one CamelContext may share an offset key
                        from("velaro:conversations?siteId=s" + i + "&baseUrl=" + server.baseUrl()
                             + "&initialDelay=0&delay=" + delayMillis + "&pollStrategy=#lateness")
                                .routeId("p" + i).process(exchange -> { });
                    }
                }
            });
            long startMillis = (System.nanoTime() - started) / 1_000_000;
            int threadCount = threads.getThreadCount() - threadsBefore;

            Thread.sleep(TimeUnit.SECONDS.toMillis(observeSeconds));
            settle();
            long heapPerPoller = (memory.getHeapMemoryUsage().getUsed() - heapBefore) / pollers;
            threadCount = Math.max(threadCount, threads.getThreadCount() - threadsBefore);
            // the component's own: pollers, rate governor, HTTP I/O (Camel names its pools after theirs)
            long componentThreads = Thread.getAllStackTraces().keySet().stream()
                    .filter(t -> t.getName().contains("Velaro") || t.getName().contains("velaro://")).count();
            Result result = new Result(scenario, startMillis, threadCount, componentThreads, heapPerPoller,
                    lateness.allPolledOnceMillis(pollers), lateness.polls.get(), lateness.max.get() / 1_000_000,
                    lateness.percentile(0.99) / 1_000_000, server.requests());
            System.out.printf(Locale.ROOT, "%s: started in %d ms, %d threads, %d polls%n", scenario.name(),
                    startMillis, threadCount, result.polls());
            return result;
        }
    }

    private static void settle() throws InterruptedException {
        for (int i = 0; i < 3; i++) {
            System.gc();
            Thread.sleep(200);
        }
    }

    /** Records when each poll starts against when it was due: {@code delay} after the poller's previous poll ended. */
    private static final class Lateness implements PollingConsumerPollStrategy {

        private final long delayNanos;
        private final Map<Consumer, Long> lastEnd = new ConcurrentHashMap<>();
        private final Map<Consumer, Long> firstStart = new ConcurrentHashMap<>();
        private final List<Long> samples = java.util.Collections.synchronizedList(new ArrayList<>());
        private final LongAccumulator max = new LongAccumulator(Math::max, 0);
        private final AtomicLong polls = new AtomicLong();
        private volatile long origin;

        Lateness(long delayNanos) {
            this.delayNanos = delayNanos;
        }

        @Override
        public boolean begin(Consumer consumer, Endpoint endpoint) {
            long now = System.nanoTime();
            polls.incrementAndGet();
            firstStart.putIfAbsent(consumer, now);
            Long ended = lastEnd.get(consumer);
            if (ended != null) {
                long late = Math.max(0, now - (ended + delayNanos));
                samples.add(late);
                max.accumulate(late);
            }
            return true;
        }

        @Override
        public void commit(Consumer consumer, Endpoint endpoint, int polledMessages) {
            lastEnd.put(consumer, System.nanoTime());
        }

        @Override
        public boolean rollback(Consumer consumer, Endpoint endpoint, int retryCounter, Exception cause) {
            lastEnd.put(consumer, System.nanoTime());
            return false;
        }

        /** From the start of adding the routes until every poller's first poll began; -1 if one never polled. */
        long allPolledOnceMillis(int pollers) {
            if (firstStart.size() < pollers) {
                return -1;
            }
            return (firstStart.values().stream().mapToLong(Long::longValue).max().orElse(origin) - origin) / 1_000_000;
        }

        long percentile(double p) {
            List<Long> sorted;
            synchronized (samples) {
                sorted = samples.stream().sorted().toList();
            }
            return sorted.isEmpty() ? 0 : sorted.get((int) Math.min(sorted.size() - 1, Math.floor(p * sorted.size())));
        }
    }
}
