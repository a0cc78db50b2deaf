package io.github.camelvelaro.benchmarks.polling;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

import io.github.camelvelaro.velaro.VelaroComponent;
import io.github.camelvelaro.velaro.model.Conversation;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.support.ScheduledPollConsumer;
import org.apache.camel.support.processor.state.MemoryStateRepository;

/**
 * What polling costs: requests per delivered conversation while a backlog drains, requests per quiet poll, and the
 * heap a large backfill needs. Runs the real component against {@link SyntheticFeedServer} with the rate limits
 * lifted, so the figures are the pager's, not the governor's. Meant to run with {@code -Xmx64m} (see
 * docs/benchmarks.md): the 100,000-conversation backfill then shows whether memory stays flat.
 */
public final class PollingBenchmark {

    private static final String KEY = "vlk_" + "B".repeat(48);
    private static final int PAGE_SIZE = 100;
    private static final int QUIET_POLLS = 10;

    private PollingBenchmark() {
    }

    /** One run: the backlog drained by one poll, then quiet polls. */
    private record Result(int items, int perInstant, int drainRequests, long delivered, int quietRequests,
                          long drainMillis, long peakHeapBytes) {

        double requestsPerItem() {
            return (double) drainRequests / items;
        }

        double requestsPerPageWorth() {
            return (double) drainRequests / Math.ceil((double) items / PAGE_SIZE);
        }

        double requestsPerQuietPoll() {
            return (double) quietRequests / QUIET_POLLS;
        }
    }

    public static void main(String[] args) throws Exception {
        long maxHeap = Runtime.getRuntime().maxMemory();
        System.out.printf("Polling benchmark: pageSize=%d, max heap %d MiB (%s)%n", PAGE_SIZE, maxHeap >> 20,
                ManagementFactory.getRuntimeMXBean().getInputArguments());
        run(2_000, 1); // warm-up, not reported
        List<Result> results = List.of(run(10_000, 1), run(10_000, 5), run(100_000, 1));
        System.out.println();
        System.out.println("| backlog | items per updatedAt | requests to drain | requests/item | requests/page-worth "
                           + "| requests/quiet poll | delivered | drain time | peak heap used |");
        System.out.println("|---|---|---|---|---|---|---|---|---|");
        for (Result r : results) {
            System.out.printf("| %,d | %d | %d | %.4f | %.3f | %.1f | %,d | %.1f s | %.1f MiB |%n", r.items(),
                    r.perInstant(), r.drainRequests(), r.requestsPerItem(), r.requestsPerPageWorth(),
                    r.requestsPerQuietPoll(), r.delivered(), r.drainMillis() / 1000.0, r.peakHeapBytes() / 1048576.0);
        }
        boolean complete = results.stream().allMatch(r -> r.delivered() == r.items());
        System.out.println();
        System.out.println(complete ? "Every conversation was delivered exactly as many times as it exists."
                : "INCOMPLETE: some run did not deliver every conversation.");
        System.exit(complete ? 0 : 1);
    }

    private static Result run(int items, int perInstant) throws Exception {
        try (SyntheticFeedServer server = new SyntheticFeedServer(items, perInstant);
             DefaultCamelContext context = new DefaultCamelContext()) {
            VelaroComponent velaro = new VelaroComponent();
            velaro.getAccount().setApiKey(KEY);
            velaro.getAccount().setRateLimitPerMinute(10_000_000);
            velaro.getAccount().setDailyRequestLimit(100_000_000);
            context.addComponent("velaro", velaro);
            context.getRegistry().bind("offsets", new MemoryStateRepository());
            AtomicLong delivered = new AtomicLong();
            String poller = "velaro:conversations?startFrom=beginning&offsetRepository=#offsets&pageSize=" + PAGE_SIZE
                            + "&baseUrl=" + server.baseUrl() + "&initialDelay=0&delay=1&repeatCount=";
            context.start();

            // one poll that drains the backlog
            System.gc();
            resetHeapPeaks();
            long started = System.nanoTime();
            runPolls(context, "drain", poller + 1, delivered);
            long drainMillis = (System.nanoTime() - started) / 1_000_000;
            long peak = heapPeak();
            int drainRequests = server.requests();
            long drained = delivered.get();

            // then quiet polls, from the offset the drain committed
            runPolls(context, "quiet", poller + QUIET_POLLS, delivered);
            int quietRequests = server.requests() - drainRequests;
            if (delivered.get() != drained) {
                throw new IllegalStateException("quiet polls delivered " + (delivered.get() - drained) + " items");
            }
            return new Result(items, perInstant, drainRequests, drained, quietRequests, drainMillis, peak);
        }
    }

    /** Runs a route that polls {@code uri} (which sets repeatCount) until its last poll is done, then stops it. */
    private static void runPolls(DefaultCamelContext context, String routeId, String uri, AtomicLong delivered)
            throws Exception {
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from(uri).routeId(routeId).process(e -> {
                    e.getMessage().getBody(Conversation.class);
                    delivered.incrementAndGet();
                });
            }
        });
        ScheduledPollConsumer consumer = (ScheduledPollConsumer) context.getRoute(routeId).getConsumer();
        long polls = Long.parseLong(uri.substring(uri.lastIndexOf('=') + 1));
        // the run after the last allowed poll only cancels the schedule: once it is counted, every poll is done
        while (consumer.getCounter() <= polls) {
            Thread.sleep(2);
        }
        context.getRouteController().stopRoute(routeId);
    }

    private static void resetHeapPeaks() {
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP) {
                pool.resetPeakUsage();
            }
        }
    }

    private static long heapPeak() {
        long peak = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP) {
                peak += pool.getPeakUsage().getUsed();
            }
        }
        return peak;
    }
}
