package io.github.camelvelaro.velaro.jdbc;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

import io.github.camelvelaro.velaro.client.ApiKey;
import io.github.camelvelaro.velaro.client.InMemoryQuotaStore;
import io.github.camelvelaro.velaro.client.QuotaSnapshot;
import io.github.camelvelaro.velaro.client.QuotaStore;
import io.github.camelvelaro.velaro.client.RateGovernor;
import io.github.camelvelaro.velaro.client.RateLimitHeaders;
import io.github.camelvelaro.velaro.client.RateLimits;
import io.github.camelvelaro.velaro.exception.VelaroRateLimitException;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Three components (three {@link RateGovernor}s, each with its own {@link JdbcQuotaStore} and connection pool, as
 * three nodes would have) on one PostgreSQL, eight threads each, all asking for permits at once. The send times are
 * the store's own rows (the database's clock); between rounds they are moved back in time, as if the minutes had
 * passed, so that windows overlap rounds without the test waiting for them.
 */
class JdbcQuotaStoreContentionTest extends OnPostgres {

    private static final ApiKey KEY = ApiKey.of("vlk_" + "J".repeat(48), "apiKey");
    private static final ApiKey OTHER_KEY = ApiKey.of("vlk_" + "K".repeat(48), "apiKey");
    private static final int PER_MINUTE = 20;
    private static final int PER_DAY = 70;
    private static final RateLimits LIMITS = new RateLimits(PER_MINUTE, PER_DAY, 0, Duration.ZERO);
    private static final int NODES = 3;
    private static final int THREADS = 8;

    private ScheduledExecutorService scheduler;

    /**
     * Rounds 35 s apart (the recorded times are moved back 35 s after each round): every 60 s window holds at most 20
     * sends, and once the day's 70 are spent no node gets another, whatever the threads do. The exact list of send
     * times is the store's rows of each round, placed on one timeline.
     */
    @Test
    void threeNodesOfEightThreadsNeverExceedTheLimits() throws Exception {
        List<RateGovernor> nodes = governors(() -> new JdbcQuotaStore(postgres.dataSource()));
        List<Integer> grantedPerRound = new ArrayList<>();
        List<Instant> timeline = new ArrayList<>();
        Duration step = Duration.ofSeconds(35);
        for (int round = 0; round < 7; round++) {
            Instant roundStart = dbNow();
            grantedPerRound.add(contend(nodes, KEY, 5));
            for (Instant sent : sendTimes(KEY)) {
                if (!sent.isBefore(roundStart)) {
                    timeline.add(sent.plus(step.multipliedBy(round)));
                }
            }
            postgres.sql("UPDATE velaro_quota_send SET sent_at = sent_at - INTERVAL '35 seconds'");
        }
        timeline.sort(null);

        assertThat(timeline).as("one send time per permit").hasSize(grantedPerRound.stream().mapToInt(i -> i).sum());
        assertThat(maxInAnyWindow(timeline, Duration.ofSeconds(60))).isLessThanOrEqualTo(PER_MINUTE);
        assertThat(timeline).as("the day's total").hasSize(PER_DAY);
        // the limits were reached, not just respected: a round 35 s after a full one gets nothing, the next one a
        // full minute, the last one what is left of the day
        assertThat(grantedPerRound).containsExactly(20, 0, 20, 0, 20, 0, PER_DAY - 3 * PER_MINUTE);
        assertThat(nodes.get(1).snapshot(KEY, LIMITS).dailyUsed()).isEqualTo(PER_DAY);
        nodes.forEach(RateGovernor::close);
    }

    /** The control: three in-memory stores, one per node, spend three times the minute's limit. */
    @Test
    void threeInMemoryNodesWouldSpendThreeTimesTheLimit() throws Exception {
        List<RateGovernor> nodes = governors(InMemoryQuotaStore::new);
        assertThat(contend(nodes, KEY, 5)).isEqualTo(NODES * PER_MINUTE);
        nodes.forEach(RateGovernor::close);
    }

    /** The daily count is the site's: two keys share it; each key has its own minute. */
    @Test
    void theDayIsSharedByKeysAndTheMinuteIsPerKey() throws Exception {
        List<RateGovernor> nodes = governors(() -> new JdbcQuotaStore(postgres.dataSource()));
        assertThat(contend(nodes, KEY, 3)).isEqualTo(PER_MINUTE);
        assertThat(contend(nodes, OTHER_KEY, 3)).isEqualTo(PER_MINUTE);
        postgres.sql("UPDATE velaro_quota_send SET sent_at = sent_at - INTERVAL '62 seconds'");
        assertThat(contend(nodes, OTHER_KEY, 3)).as("a new minute").isEqualTo(PER_MINUTE);
        assertThat(contend(nodes, KEY, 3)).as("the rest of the day").isEqualTo(PER_DAY - 3 * PER_MINUTE);
        assertThatThrownBy(() -> nodes.get(0).acquire(KEY, LIMITS, "GET /conversations").join())
                .hasCauseInstanceOf(VelaroRateLimitException.class).hasMessageContaining("daily budget of 70");
        nodes.forEach(RateGovernor::close);
    }

    /** What one node hears from Velaro holds the others back: a 429's Retry-After, and the monthly cap. */
    @Test
    void velarosAnswerToOneNodeHoldsTheOthersBack() throws Exception {
        List<RateGovernor> nodes = governors(() -> new JdbcQuotaStore(postgres.dataSource()));
        long permit = nodes.get(0).acquire(KEY, LIMITS, "GET /conversations").join();
        Instant retryAt = Instant.now().plusSeconds(30);
        nodes.get(0).onResponse(KEY, permit, 429, new RateLimitHeaders(0, retryAt, retryAt, null));
        assertThatThrownBy(() -> nodes.get(2).acquire(KEY, LIMITS, "GET /conversations").join())
                .hasCauseInstanceOf(VelaroRateLimitException.class).hasMessageContaining("maxRetryWait");
        QuotaSnapshot seen = nodes.get(1).snapshot(KEY, LIMITS);
        assertThat(seen.minuteRemaining()).isZero();
        assertThat(seen.blockedUntil()).isAfterOrEqualTo(retryAt.minusSeconds(1));

        long other = nodes.get(1).acquire(OTHER_KEY, LIMITS, "GET /contacts").join();
        nodes.get(1).onResponse(OTHER_KEY, other, 200, new RateLimitHeaders(50, null, null, 0));
        assertThatThrownBy(() -> nodes.get(0).acquire(OTHER_KEY, LIMITS, "GET /contacts").join())
                .hasCauseInstanceOf(VelaroRateLimitException.class).hasMessageContaining("monthly call cap");
        nodes.forEach(RateGovernor::close);
    }

    /** A database that cannot be reached fails the request, never lets it through uncounted. */
    @Test
    void anUnreachableDatabaseRefusesThePermit() {
        var broken = new org.postgresql.ds.PGSimpleDataSource();
        broken.setURL("jdbc:postgresql://127.0.0.1:1/none");
        RateGovernor node = new RateGovernor(Clock.systemUTC(), System::nanoTime, scheduler(),
                new JdbcQuotaStore(broken));
        assertThatThrownBy(() -> node.acquire(KEY, LIMITS, "GET /conversations").join())
                .hasMessageContaining("shared Velaro quota").hasMessageContaining("not sent");
        node.close();
    }

    private List<RateGovernor> governors(Supplier<QuotaStore> store) {
        List<RateGovernor> nodes = new ArrayList<>();
        for (int i = 0; i < NODES; i++) {
            nodes.add(new RateGovernor(Clock.systemUTC(), System::nanoTime, scheduler(), store.get()));
        }
        return nodes;
    }

    private ScheduledExecutorService scheduler() {
        if (scheduler == null) {
            scheduler = Executors.newSingleThreadScheduledExecutor();
        }
        return scheduler;
    }

    /** 8 threads per node ask for permits at once, each {@code attempts} times; returns the permits granted. */
    private static int contend(List<RateGovernor> nodes, ApiKey key, int attempts) throws Exception {
        ExecutorService threads = Executors.newFixedThreadPool(NODES * THREADS);
        CountDownLatch go = new CountDownLatch(1);
        AtomicInteger granted = new AtomicInteger();
        List<CompletableFuture<Void>> all = new ArrayList<>();
        for (RateGovernor node : nodes) {
            for (int t = 0; t < THREADS; t++) {
                all.add(CompletableFuture.runAsync(() -> {
                    await(go);
                    for (int i = 0; i < attempts; i++) {
                        try {
                            node.acquire(key, LIMITS, "GET /conversations").join();
                            granted.incrementAndGet();
                        } catch (RuntimeException refused) {
                            assertThat(refused).hasCauseInstanceOf(VelaroRateLimitException.class);
                        }
                    }
                }, threads));
            }
        }
        go.countDown();
        CompletableFuture.allOf(all.toArray(CompletableFuture[]::new)).get(2, TimeUnit.MINUTES);
        threads.shutdown();
        return granted.get();
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static Instant dbNow() throws Exception {
        try (Connection c = postgres.dataSource().getConnection(); Statement sql = c.createStatement();
             ResultSet rs = sql.executeQuery("SELECT clock_timestamp()")) {
            rs.next();
            return rs.getObject(1, java.time.OffsetDateTime.class).toInstant();
        }
    }

    private static List<Instant> sendTimes(ApiKey key) throws Exception {
        List<Instant> times = new ArrayList<>();
        try (Connection c = postgres.dataSource().getConnection(); Statement sql = c.createStatement();
             ResultSet rs = sql.executeQuery("SELECT sent_at FROM velaro_quota_send WHERE key_id = '"
                                             + key.fingerprint() + "' ORDER BY sent_at")) {
            while (rs.next()) {
                times.add(rs.getObject(1, java.time.OffsetDateTime.class).toInstant());
            }
        }
        return times;
    }

    /** The most sends in any closed window of this length (sorted times). */
    static int maxInAnyWindow(List<Instant> sorted, Duration window) {
        int max = 0;
        int start = 0;
        for (int end = 0; end < sorted.size(); end++) {
            while (sorted.get(start).plus(window).isBefore(sorted.get(end))) {
                start++;
            }
            max = Math.max(max, end - start + 1);
        }
        return max;
    }
}
