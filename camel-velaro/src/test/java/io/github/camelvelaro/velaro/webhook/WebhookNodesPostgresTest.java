package io.github.camelvelaro.velaro.webhook;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import javax.sql.DataSource;

import io.github.camelvelaro.velaro.webhook.DeliveryGate.Admission;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.apache.camel.CamelContext;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.processor.idempotent.jdbc.JdbcMessageIdRepository;
import org.apache.camel.processor.idempotent.jdbc.JdbcOrphanLockAwareIdempotentRepository;
import org.apache.camel.support.service.ServiceHelper;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The two nodes on a real PostgreSQL (embedded), with camel-sql's repositories as the documentation recommends: a
 * {@link JdbcMessageIdRepository} for completed deliveries and a {@link JdbcOrphanLockAwareIdempotentRepository}
 * (claims kept alive while their node lives, expiring after lockMaxAgeMillis) for deliveries in progress, one
 * instance per node over the same table.
 */
class WebhookNodesPostgresTest extends WebhookNodesContract {

    private static final String COMPLETED = "velaro-events-completed";
    private static final String IN_PROGRESS = "velaro-events-in-progress";
    private static final Duration CLAIM_MAX_AGE = Duration.ofMinutes(1);

    private static EmbeddedPostgres postgres;
    private static DataSource dataSource;

    private final Map<String, JdbcOrphanLockAwareIdempotentRepository> claims = new ConcurrentHashMap<>();

    @BeforeAll
    static void startPostgres() throws Exception {
        postgres = EmbeddedPostgres.builder().start();
        dataSource = postgres.getPostgresDatabase();
    }

    @AfterAll
    static void stopPostgres() throws Exception {
        if (postgres != null) {
            postgres.close();
        }
    }

    @BeforeEach
    void emptyTable() throws Exception {
        sql("DROP TABLE IF EXISTS CAMEL_MESSAGEPROCESSED");
    }

    @Override
    protected Map<String, Object> repositories(String node, CamelContext context) {
        return Map.of("completed", new JdbcMessageIdRepository(dataSource, COMPLETED),
                "claims", claims.computeIfAbsent(node, n -> claimRepository(context)));
    }

    private static JdbcOrphanLockAwareIdempotentRepository claimRepository(CamelContext context) {
        JdbcOrphanLockAwareIdempotentRepository repository =
                new JdbcOrphanLockAwareIdempotentRepository(dataSource, IN_PROGRESS, context);
        repository.setLockMaxAgeMillis(CLAIM_MAX_AGE.toMillis());
        repository.setLockKeepAliveIntervalMillis(CLAIM_MAX_AGE.toMillis() / 4);
        return repository;
    }

    /** The node's keep-alive stops, as when its JVM dies. */
    @Override
    protected void died(String node) {
        ServiceHelper.stopAndShutdownService(claims.get(node));
    }

    /** The claims' timestamps move back past lockMaxAgeMillis (the repository reads the database's, not a clock). */
    @Override
    protected void claimsOutlive() throws Exception {
        sql("UPDATE CAMEL_MESSAGEPROCESSED SET createdAt = createdAt - INTERVAL '" + (CLAIM_MAX_AGE.toSeconds() + 1)
            + " seconds' WHERE processorName = '" + IN_PROGRESS + "'");
    }

    /**
     * camel-sql's add is check-then-insert: when another node inserts the same id between the check and the insert,
     * the insert fails on the primary key. That is a claim held elsewhere (409), not a repository failure (500).
     */
    @Test
    void aClaimInsertedByAnotherNodeMeanwhileIsInProgress() throws Exception {
        try (CamelContext context = new DefaultCamelContext()) {
            context.start();
            JdbcMessageIdRepository completed = new JdbcMessageIdRepository(dataSource, COMPLETED);
            JdbcOrphanLockAwareIdempotentRepository claimsOfNode = claimRepository(context);
            ServiceHelper.startService(completed, claimsOfNode);
            DeliveryGate node = new DeliveryGate(completed, claimsOfNode);
            ExecutorService pool = Executors.newSingleThreadExecutor();
            try (Connection otherNode = dataSource.getConnection()) {
                // the other node's transaction has inserted evt_3 and not committed: invisible to this node's check
                otherNode.setAutoCommit(false);
                try (PreparedStatement insert = otherNode.prepareStatement(
                        "INSERT INTO CAMEL_MESSAGEPROCESSED (processorName, messageId, createdAt) VALUES (?, ?, ?)")) {
                    insert.setString(1, IN_PROGRESS);
                    insert.setString(2, "evt_3");
                    insert.setTimestamp(3, new Timestamp(System.currentTimeMillis()));
                    insert.executeUpdate();
                }
                Future<Admission> admission = pool.submit(() -> node.admit("evt_3"));
                // this node's insert now waits for the other transaction's lock on the primary key
                Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> waitingForALock() > 0);
                otherNode.commit();
                assertThat(admission.get(30, TimeUnit.SECONDS)).isEqualTo(Admission.IN_PROGRESS);
            } finally {
                pool.shutdownNow();
            }
        }
    }

    private static int waitingForALock() throws Exception {
        try (Connection connection = dataSource.getConnection(); Statement sql = connection.createStatement();
             ResultSet count = sql.executeQuery("SELECT count(*) FROM pg_stat_activity WHERE wait_event_type = 'Lock'")) {
            count.next();
            return count.getInt(1);
        }
    }

    private static void sql(String statement) throws Exception {
        try (Connection connection = dataSource.getConnection(); Statement sql = connection.createStatement()) {
            sql.execute(statement);
        }
    }
}
