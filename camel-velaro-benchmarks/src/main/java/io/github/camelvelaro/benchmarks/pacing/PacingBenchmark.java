package io.github.camelvelaro.benchmarks.pacing;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import io.github.camelvelaro.sandbox.SandboxClock;
import io.github.camelvelaro.sandbox.SandboxSettings;
import io.github.camelvelaro.sandbox.VelaroSandbox;
import io.github.camelvelaro.velaro.VelaroComponent;
import io.github.camelvelaro.velaro.client.VelaroScope;
import io.github.camelvelaro.velaro.model.Conversation;
import io.github.camelvelaro.velaro.model.CreateConversation;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.support.ScheduledPollConsumer;

/**
 * Simulated days of business-hours traffic, polled by the real {@code velaro:conversations} poller against the
 * sandbox, once with the fixed default delay (173 s) and once with {@code pacing=adaptive}, on the same seeded
 * traffic: the median and 95th percentile of the time from a change to its delivery, and the requests spent, per
 * UTC day.
 * <p>
 * No real day passes. The sandbox's clock is frozen and is also the component's clock; the harness moves it second
 * by second, applies each change to the sandbox's store at its own instant, and runs the poller's scheduled task
 * itself (with {@code startScheduler=false}, so Camel's scheduler never runs it): every 173 s for the fixed delay, every second (the adaptive poller's tick) for
 * the adaptive one, just as Camel's scheduler would. A poll takes no simulated time. A change's delivery time is the
 * clock when the route received that version or a later one of its conversation; a change is its {@code updatedAt}.
 * <p>
 * Arguments: {@code days=3 seed=42 dailyRequestLimit=1000 maxStaleness=900}.
 */
public final class PacingBenchmark {

    private static final Instant START = Instant.parse("2026-12-07T00:00:00Z");

    private PacingBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> options = new HashMap<>();
        for (String arg : args) {
            String[] kv = arg.split("=", 2);
            if (kv.length == 2) {
                options.put(kv[0], kv[1]);
            }
        }
        int days = Integer.parseInt(options.getOrDefault("days", "3"));
        long seed = Long.parseLong(options.getOrDefault("seed", "42"));
        int limit = Integer.parseInt(options.getOrDefault("dailyRequestLimit", "1000"));
        long maxStaleness = Long.parseLong(options.getOrDefault("maxStaleness", "900"));
        List<BusinessDayTraffic.Change> traffic = BusinessDayTraffic.generate(START, days, seed);
        System.out.printf("%d changes over %d simulated days from %s (seed %d), dailyRequestLimit=%d%n",
                traffic.size(), days, START, seed, limit);

        List<Result> results = new ArrayList<>();
        results.add(run("fixed, delay 173 s (default)", "", traffic, days, limit, 0));
        results.add(run("adaptive, maxStaleness " + maxStaleness + " s", "&pacing=adaptive&maxStaleness="
                                                                         + maxStaleness * 1000, traffic, days, limit, 1));
        results.add(run("adaptive, maxStaleness " + 2 * maxStaleness + " s", "&pacing=adaptive&maxStaleness="
                                                                             + 2 * maxStaleness * 1000, traffic, days,
                limit, 2));
        Result fixed = results.get(0);
        System.out.println();
        System.out.println("| day | strategy | changes | median | p95 | max | requests | median: fixed / this |");
        System.out.println("|---|---|---|---|---|---|---|---|");
        for (int day = 0; day <= days; day++) {
            for (Result r : results) {
                Day d = r.days.get(day);
                double ratio = fixed.days.get(day).median() / Math.max(1, d.median());
                System.out.printf("| %s | %s | %d | %.0f s | %.0f s | %.0f s | %d | %s |%n",
                        day == days ? "all" : String.valueOf(day + 1), r.name, d.latencies.size(), d.median(),
                        d.percentile(95), d.percentile(100), d.requests,
                        r == fixed ? "" : String.format("**%.2f×**", ratio));
            }
        }
    }

    /** Latencies and requests of one UTC day (or of all days). */
    private static final class Day {
        final List<Double> latencies = new ArrayList<>();
        long requests;

        double percentile(int p) {
            if (latencies.isEmpty()) {
                return Double.NaN;
            }
            List<Double> sorted = new ArrayList<>(latencies);
            sorted.sort(null);
            int index = (int) Math.ceil(p / 100.0 * sorted.size()) - 1;
            return sorted.get(Math.max(0, Math.min(sorted.size() - 1, index)));
        }

        double median() {
            return percentile(50);
        }
    }

    private record Result(String name, Map<Integer, Day> days) {
    }

    /** One strategy over the whole traffic: a sandbox and a CamelContext of its own. */
    private static Result run(String name, String uriOptions, List<BusinessDayTraffic.Change> traffic, int days,
                              int limit, long seed) throws Exception {
        SandboxClock clock = SandboxClock.frozenAt(START);
        Map<Integer, Day> perDay = new TreeMap<>();
        for (int d = 0; d <= days; d++) {
            perDay.put(d, new Day());
        }
        // the deliveries: id -> [updatedAt, deliveredAt] in order
        Map<String, List<Instant[]>> delivered = new HashMap<>();
        long startedNanos = System.nanoTime();
        try (VelaroSandbox sandbox = new VelaroSandbox(SandboxSettings.defaults().withClock(clock).withSeed(seed)
                .withPerMinuteLimit(1_000_000).withDailyLimit(1_000_000)).start();
             DefaultCamelContext camel = new DefaultCamelContext()) {
            String key = sandbox.createKey(VelaroScope.READ_CONVERSATIONS, VelaroScope.WRITE_CONVERSATIONS);
            VelaroComponent velaro = new VelaroComponent();
            velaro.setClock(clock);
            camel.addComponent("velaro", velaro);
            camel.addRoutes(new RouteBuilder() {
                @Override
                public void configure() {
                    // rateLimitPerMinute lifted: the governor's minute window runs on real time, which barely passes
                    from("velaro:conversations?apiKey=RAW(" + key + ")&baseUrl=" + sandbox.baseUrl()
                         + "&startScheduler=false&rateLimitPerMinute=1000000&dailyRequestLimit=" + limit
                         + uriOptions)
                            .process(e -> {
                                Conversation c = e.getMessage().getBody(Conversation.class);
                                delivered.computeIfAbsent(c.getId(), k -> new ArrayList<>())
                                        .add(new Instant[] { c.getUpdatedAt(), clock.instant() });
                            });
                }
            });
            camel.start();
            // Camel's scheduler is not started: the harness runs the consumer's task itself, as the scheduler would
            ScheduledPollConsumer poller = (ScheduledPollConsumer) camel.getRoutes().get(0).getConsumer();
            boolean everySecond = !uriOptions.isEmpty();
            long fixedDelay = 173;
            List<String> ids = new ArrayList<>();
            List<Instant[]> versions = new ArrayList<>(); // [updatedAt] per change, with its conversation's id
            List<String> versionIds = new ArrayList<>();
            int next = 0;
            long total = days * 86_400L;
            int journalBefore = 0;
            for (long second = 0; second <= total; second++) {
                Instant now = START.plusSeconds(second);
                while (next < traffic.size() && !traffic.get(next).at().isAfter(now)) {
                    BusinessDayTraffic.Change change = traffic.get(next++);
                    clock.set(change.at());
                    Conversation c = apply(sandbox, ids, change);
                    versions.add(new Instant[] { c.getUpdatedAt() });
                    versionIds.add(c.getId());
                }
                clock.set(now);
                if (second % 86_400 == 0 && second > 0) {
                    int size = sandbox.journal().size();
                    perDay.get((int) (second / 86_400) - 1).requests = size - journalBefore;
                    journalBefore = size;
                }
                if (second < total && (everySecond || second % fixedDelay == 0)) {
                    poller.run();
                }
            }
            camel.stop();
            perDay.get(days).requests = sandbox.journal().size();
            for (int v = 0; v < versions.size(); v++) {
                Instant changed = versions.get(v)[0];
                Instant at = firstDeliveryFrom(delivered.get(versionIds.get(v)), changed);
                if (at == null) {
                    continue; // changed after the last poll of the run
                }
                double latency = Duration.between(changed, at).toMillis() / 1000.0;
                int day = (int) Math.min(days - 1, Duration.between(START, changed).toDays());
                perDay.get(day).latencies.add(latency);
                perDay.get(days).latencies.add(latency);
            }
        }
        System.out.printf("%s: simulated in %.1f s%n", name, (System.nanoTime() - startedNanos) / 1e9);
        return new Result(name, perDay);
    }

    /** When the first version at or after {@code changed} was delivered, or null. */
    private static Instant firstDeliveryFrom(List<Instant[]> deliveries, Instant changed) {
        if (deliveries == null) {
            return null;
        }
        for (Instant[] d : deliveries) {
            if (!d[0].isBefore(changed)) {
                return d[1];
            }
        }
        return null;
    }

    private static Conversation apply(VelaroSandbox sandbox, List<String> ids, BusinessDayTraffic.Change change) {
        return switch (change.kind()) {
            case START -> {
                Conversation c = sandbox.conversations().create(new CreateConversation("Hello, I need help"));
                ids.add(c.getId());
                yield c;
            }
            case ASSIGN -> sandbox.conversations().assign(ids.get(change.conversation()), "Agent");
            case MESSAGE -> sandbox.conversations().addMessage(ids.get(change.conversation()), "Visitor", "visitor",
                    "One more thing");
            case RESOLVE -> sandbox.conversations().resolve(ids.get(change.conversation()));
        };
    }
}
