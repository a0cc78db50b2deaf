package io.github.camelvelaro.benchmarks.quota;

import java.sql.Connection;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

import javax.sql.DataSource;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.github.camelvelaro.velaro.client.ApiKey;
import io.github.camelvelaro.velaro.client.InMemoryQuotaStore;
import io.github.camelvelaro.velaro.client.RateGovernor;
import io.github.camelvelaro.velaro.client.RateLimitHeaders;
import io.github.camelvelaro.velaro.client.RateLimits;
import io.github.camelvelaro.velaro.jdbc.ClusterSchema;
import io.github.camelvelaro.velaro.jdbc.JdbcQuotaStore;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/**
 * What a permit costs (the governor's {@code acquire} and {@code onResponse}, as every request pays them) with the
 * default {@link InMemoryQuotaStore} and with the shared {@link JdbcQuotaStore} on PostgreSQL (embedded, a separate
 * process on this machine, over loopback, through a HikariCP pool), in one run, rounds alternating.
 * <p>
 * The limits are Velaro's (60 per key and minute): each thread takes the 60 permits of a fresh key, then the next
 * key, so the window always holds what it holds in production (up to 60 sends) and no permit waits; each response
 * carries Velaro's {@code X-RateLimit-Remaining} and {@code Reset}, which the store records. The day is lifted. Arguments (optional): {@code rounds threads,threads,...}.
 */
public final class QuotaStoreCostBenchmark {

    private static final int PER_KEY = 60;
    private static final int KEYS_PER_THREAD = 15;
    private static final RateLimits LIMITS = new RateLimits(PER_KEY, Integer.MAX_VALUE, 0, Duration.ZERO);
    private static final AtomicLong KEY_NUMBER = new AtomicLong();

    private QuotaStoreCostBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 7;
        int[] threadCounts = Arrays.stream((args.length > 1 ? args[1] : "1,4").split(","))
                .mapToInt(Integer::parseInt).toArray();
        ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor();
        try (EmbeddedPostgres postgres = EmbeddedPostgres.builder().start();
             HikariDataSource pool = pool(postgres.getJdbcUrl("postgres", "postgres"))) {
            ClusterSchema.createIfAbsent(pool);
            System.out.printf("%d rounds, %d permits per thread and round (%d keys x %d), PostgreSQL %s%n", rounds,
                    PER_KEY * KEYS_PER_THREAD, KEYS_PER_THREAD, PER_KEY, version(pool));
            for (int threads : threadCounts) {
                List<double[]> memory = new ArrayList<>();
                List<double[]> jdbc = new ArrayList<>();
                for (int round = 0; round <= rounds; round++) {
                    double[] m = round(threads, () -> new RateGovernor(Clock.systemUTC(), System::nanoTime, scheduler,
                            new InMemoryQuotaStore()));
                    double[] j = round(threads, () -> new RateGovernor(Clock.systemUTC(), System::nanoTime, scheduler,
                            new JdbcQuotaStore(pool)));
                    empty(pool);
                    if (round > 0) { // round 0 warms up
                        memory.add(m);
                        jdbc.add(j);
                    }
                }
                report(threads, "in memory", memory);
                report(threads, "PostgreSQL", jdbc);
            }
        } finally {
            scheduler.shutdownNow();
        }
    }

    private static HikariDataSource pool(String url) {
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(url);
        config.setUsername("postgres");
        config.setMaximumPoolSize(10);
        return new HikariDataSource(config);
    }

    /** One round: each thread takes 60 permits of each of its keys; returns {permits/s, µs per permit per thread}. */
    private static double[] round(int threads, Supplier<RateGovernor> governors) throws Exception {
        RateGovernor governor = governors.get(); // one component: its threads share a store
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        List<CompletableFuture<Void>> all = new ArrayList<>();
        long start = System.nanoTime();
        for (int t = 0; t < threads; t++) {
            all.add(CompletableFuture.runAsync(() -> {
                for (int k = 0; k < KEYS_PER_THREAD; k++) {
                    ApiKey key = freshKey();
                    java.time.Instant reset = java.time.Instant.now().plusSeconds(60);
                    for (int i = 0; i < PER_KEY; i++) {
                        long permit = governor.acquire(key, LIMITS, "GET /conversations").join();
                        // what Velaro answers: the key's remaining requests and the window's reset
                        governor.onResponse(key, permit, 200, new RateLimitHeaders(PER_KEY - i - 1,
                                reset, null, null));
                    }
                }
            }, pool));
        }
        CompletableFuture.allOf(all.toArray(CompletableFuture[]::new)).join();
        long nanos = System.nanoTime() - start;
        pool.shutdown();
        governor.close();
        long permits = (long) threads * KEYS_PER_THREAD * PER_KEY;
        return new double[] {permits * 1e9 / nanos, nanos / 1e3 / ((double) permits / threads)};
    }

    private static ApiKey freshKey() {
        String digits = String.format("%048d", KEY_NUMBER.incrementAndGet());
        return ApiKey.of("vlk_" + digits, "apiKey");
    }

    private static void report(int threads, String store, List<double[]> rounds) {
        double[] perSecond = rounds.stream().mapToDouble(r -> r[0]).sorted().toArray();
        double[] micros = rounds.stream().mapToDouble(r -> r[1]).sorted().toArray();
        System.out.printf("threads %d, %-10s: median %,.0f permits/s, %,.1f µs per permit (each thread); "
                          + "rounds %,.0f..%,.0f permits/s%n",
                threads, store, median(perSecond), median(micros), perSecond[0], perSecond[perSecond.length - 1]);
    }

    private static double median(double[] sorted) {
        return sorted[sorted.length / 2];
    }

    private static void empty(DataSource pool) throws Exception {
        try (Connection c = pool.getConnection(); Statement sql = c.createStatement()) {
            sql.execute("TRUNCATE velaro_quota_send, velaro_quota_key, velaro_quota_scope");
        }
    }

    private static String version(DataSource pool) throws Exception {
        try (Connection c = pool.getConnection()) {
            return c.getMetaData().getDatabaseProductVersion();
        }
    }
}
