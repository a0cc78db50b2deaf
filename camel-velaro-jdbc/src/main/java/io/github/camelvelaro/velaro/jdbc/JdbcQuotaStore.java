package io.github.camelvelaro.velaro.jdbc;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import javax.sql.DataSource;

import io.github.camelvelaro.velaro.client.ApiKey;
import io.github.camelvelaro.velaro.client.QuotaSnapshot;
import io.github.camelvelaro.velaro.client.QuotaStore;
import io.github.camelvelaro.velaro.client.RateGovernor;
import io.github.camelvelaro.velaro.client.RateLimitHeaders;
import io.github.camelvelaro.velaro.client.RateLimits;
import io.github.camelvelaro.velaro.client.ServerFeedback;
import io.github.camelvelaro.velaro.exception.VelaroException;

/**
 * A {@link QuotaStore} in a database that several nodes share (PostgreSQL first): the limits hold summed over every
 * node that uses the same tables and scope, and across restarts.
 * <p>
 * Exact in any 60 seconds: every send time of the last minute is a row ({@code velaro_quota_send}); a permit is
 * taken in one transaction that locks the scope's row ({@code SELECT ... FOR UPDATE}), then the key's, counts the
 * key's sends of the last 60 s and inserts the new one. The times are the database's clock, read after the locks are
 * held ({@code clock_timestamp()} on PostgreSQL, not the transaction's start), so the nodes' clocks never disagree
 * about the window and the sends are recorded in the order they were granted. The day's count (per UTC day of the
 * database's clock) is on the scope's row; what Velaro said ({@link ServerFeedback}) on the key's row.
 * <p>
 * A permit costs one transaction (a few statements); {@code docs/benchmarks.md} has the figures. The tables are in
 * {@value ClusterSchema#RESOURCE}; {@link #setCreateSchema} creates them on first use.
 */
public final class JdbcQuotaStore implements QuotaStore {

    /** The scope when none is given: one daily count for every node of the cluster. */
    public static final String DEFAULT_SCOPE = "default";
    /** PostgreSQL's clock at the moment of the statement (not at the transaction's start). */
    public static final String POSTGRESQL_NOW = "clock_timestamp()";
    /** Old send times are deleted with every this many permits of a key. */
    private static final int FORGET_EVERY = 32;

    private static final Duration WINDOW = Duration.ofMinutes(1);
    /** The default {@link #setTransitMargin}. */
    public static final Duration DEFAULT_TRANSIT_MARGIN = Duration.ofSeconds(1);
    // rows older than this are deleted: well past any window
    private static final Duration KEEP = Duration.ofMinutes(5);

    private final DataSource dataSource;
    private final String scope;
    private String nowExpression = POSTGRESQL_NOW;
    // a send counts for the window plus this, so sends 60 s apart here stay 60 s apart when they reach Velaro
    private Duration counted = WINDOW.plus(DEFAULT_TRANSIT_MARGIN);
    private boolean createSchema;
    private volatile boolean schemaChecked;
    private final Set<String> rowsKnown = ConcurrentHashMap.newKeySet();

    public JdbcQuotaStore(DataSource dataSource) {
        this(dataSource, DEFAULT_SCOPE);
    }

    /**
     * @param scope what shares one {@code dailyRequestLimit}: the Velaro site (its {@code siteId}); nodes of one site
     *              must use the same scope
     */
    public JdbcQuotaStore(DataSource dataSource, String scope) {
        if (dataSource == null || scope == null || scope.isBlank()) {
            throw new IllegalArgumentException("JdbcQuotaStore needs a DataSource and a scope");
        }
        this.dataSource = dataSource;
        this.scope = scope;
    }

    /** Whether the tables are created on first use when they do not exist (default false: apply the SQL yourself). */
    public void setCreateSchema(boolean createSchema) {
        this.createSchema = createSchema;
    }

    /**
     * The SQL expression of the database's clock at the moment it is read; {@value #POSTGRESQL_NOW} by default. On
     * another database, one that is not frozen at the transaction's start.
     */
    public void setNowExpression(String nowExpression) {
        this.nowExpression = nowExpression;
    }

    /**
     * How much longer than 60 s a send keeps counting (default 1 s): a request reaches Velaro some time
     * after its permit, and when the first of two requests 60 s apart takes longer on the way than the second, Velaro
     * sees them less than 60 s apart. The margin covers that difference.
     */
    public void setTransitMargin(Duration margin) {
        if (margin.isNegative()) {
            throw new IllegalArgumentException("transitMargin must not be negative: " + margin);
        }
        this.counted = WINDOW.plus(margin);
    }

    public String getScope() {
        return scope;
    }

    @Override
    public Decision acquire(ApiKey key, RateLimits limits, Instant now, long tick, Object what) {
        String id = key.fingerprint();
        return inTransaction(id, c -> {
            Locked locked = lock(c, id, now);
            Day day = locked.day();
            KeyRow row = locked.row();
            Instant dbNow = row.dbNow();
            ServerFeedback feedback = locked.feedback();
            if (feedback.monthBlockedUntil() != null) {
                throw QuotaStore.monthlyCapReached(what, key, feedback.monthBlockedUntil());
            }
            long today = epochDay(dbNow);
            long used = day.utcDay() == today ? day.used() : 0;
            if (used >= limits.perDay()) {
                // the reset on the node's clock: the database's next midnight, as far away as it is there
                throw QuotaStore.dailyBudgetSpent(what, limits, now.plus(Duration.between(dbNow,
                        RateGovernor.nextUtcMidnight(dbNow))).minusNanos(1));
            }
            Decision server = feedback.waitDecision();
            Instant until = server.waitUntil();
            String reason = server.reason();
            Instant windowFrees = windowFrees(c, id, limits.perMinute(), dbNow, counted);
            if (windowFrees != null) {
                Instant onNodeClock = now.plus(Duration.between(dbNow, windowFrees));
                if (until == null || onNodeClock.isAfter(until)) {
                    until = onNodeClock;
                    reason = QuotaStore.minuteLimitReached(key, limits);
                }
            }
            if (until != null) {
                return Decision.waitUntil(until, reason);
            }
            feedback.onGranted();
            long permit = row.granted() + 1;
            recordSend(c, id, dbNow, today, used + 1, permit, feedback.fields());
            return Decision.granted(permit);
        });
    }

    @Override
    public void onResponse(ApiKey key, long permit, int status, RateLimitHeaders headers, Instant now) {
        if (status != 429 && headers.remaining() == null && headers.reset() == null
                && headers.remainingMonth() == null) {
            return; // nothing said (a failure without headers): nothing to share
        }
        String id = key.fingerprint();
        inTransaction(id, c -> {
            KeyRow row = lockKey(c, id);
            ServerFeedback feedback = ServerFeedback.of(row.feedback());
            feedback.onResponse(key, permit, row.granted(), status, headers, now);
            updateKey(c, id, row.granted(), feedback.fields());
            return null;
        });
    }

    @Override
    public QuotaSnapshot snapshot(ApiKey key, RateLimits limits, Instant now, long tick) {
        String id = key.fingerprint();
        return inTransaction(id, c -> {
            Locked locked = lock(c, id, now);
            Day day = locked.day();
            Instant dbNow = locked.row().dbNow();
            ServerFeedback feedback = locked.feedback();
            int minuteUsed = (int) countSince(c, id, dbNow.minus(WINDOW));
            int remaining = Math.max(0, limits.perMinute() - minuteUsed);
            if (feedback.serverBudget() != null) {
                remaining = Math.max(0, Math.min(remaining, feedback.serverBudget()));
            }
            long dayUsed = day.utcDay() == epochDay(dbNow) ? day.used() : 0;
            Instant blocked = feedback.monthBlockedUntil();
            if (blocked == null && dayUsed >= limits.perDay()) {
                blocked = RateGovernor.nextUtcMidnight(now);
            }
            if (blocked == null) {
                blocked = feedback.waitDecision().waitUntil();
                Instant frees = windowFrees(c, id, limits.perMinute(), dbNow, counted);
                if (frees != null) {
                    Instant onNodeClock = now.plus(Duration.between(dbNow, frees));
                    blocked = blocked == null || onNodeClock.isAfter(blocked) ? onNodeClock : blocked;
                }
            }
            return new QuotaSnapshot(key.masked(), limits.perMinute(), minuteUsed, remaining, feedback.serverReset(),
                    limits.perDay(), dayUsed, RateGovernor.nextUtcMidnight(now), feedback.monthRemaining(), blocked);
        });
    }

    /**
     * When the key's window holds fewer than {@code limit} sends again (database clock); null when it does now. The
     * {@code limit}-th newest send in the window is the one that must leave for one more to fit, so one indexed
     * query reads at most {@code limit} rows, however many the window holds.
     */
    private static Instant windowFrees(Connection c, String id, int limit, Instant dbNow, Duration counted)
            throws SQLException {
        try (PreparedStatement sql = c.prepareStatement("SELECT sent_at FROM velaro_quota_send WHERE key_id = ? AND "
                                                        + "sent_at >= ? ORDER BY sent_at DESC OFFSET ? ROWS FETCH FIRST 1 ROWS ONLY")) {
            sql.setString(1, id);
            Timestamps.set(sql, 2, dbNow.minus(counted));
            sql.setInt(3, limit - 1);
            try (ResultSet rs = sql.executeQuery()) {
                return rs.next() ? Timestamps.get(rs, 1).plus(counted).plusNanos(1000) : null;
            }
        }
    }

    private static long countSince(Connection c, String id, Instant since) throws SQLException {
        try (PreparedStatement sql = c.prepareStatement(
                "SELECT count(*) FROM velaro_quota_send WHERE key_id = ? AND sent_at >= ?")) {
            sql.setString(1, id);
            Timestamps.set(sql, 2, since);
            try (ResultSet rs = sql.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    private void recordSend(Connection c, String id, Instant dbNow, long today, long used, long permit,
                            ServerFeedback.Fields feedback)
            throws SQLException {
        try (PreparedStatement send = c.prepareStatement(
                "INSERT INTO velaro_quota_send (key_id, sent_at) VALUES (?, ?)");
             PreparedStatement day = c.prepareStatement(
                     "UPDATE velaro_quota_scope SET utc_day = ?, day_used = ? WHERE scope = ?");
             PreparedStatement forget = c.prepareStatement(
                     "DELETE FROM velaro_quota_send WHERE key_id = ? AND sent_at < ?")) {
            send.setString(1, id);
            Timestamps.set(send, 2, dbNow);
            send.executeUpdate();
            day.setLong(1, today);
            day.setLong(2, used);
            day.setString(3, scope);
            day.executeUpdate();
            if (permit % FORGET_EVERY == 0) {
                forget.setString(1, id);
                Timestamps.set(forget, 2, dbNow.minus(KEEP));
                forget.executeUpdate();
            }
        }
        updateKey(c, id, permit, feedback);
    }

    private static void updateKey(Connection c, String id, long granted, ServerFeedback.Fields f) throws SQLException {
        try (PreparedStatement sql = c.prepareStatement("UPDATE velaro_quota_key SET granted = ?, server_budget = ?, "
                                                        + "server_reset = ?, budget_permit = ?, spent = ?, blocked_until = ?, "
                                                        + "month_remaining = ?, month_blocked_until = ? WHERE key_id = ?")) {
            sql.setLong(1, granted);
            Timestamps.setInteger(sql, 2, f.serverBudget());
            Timestamps.set(sql, 3, f.serverReset());
            sql.setLong(4, f.budgetPermit());
            sql.setBoolean(5, f.spent());
            Timestamps.set(sql, 6, f.blockedUntil());
            Timestamps.setInteger(sql, 7, f.monthRemaining());
            Timestamps.set(sql, 8, f.monthBlockedUntil());
            sql.setString(9, id);
            sql.executeUpdate();
        }
    }

    private record Day(long utcDay, long used) {
    }

    /** The scope's and the key's rows, locked in that order (always: no deadlock), and the key's feedback as of now. */
    private record Locked(Day day, KeyRow row, ServerFeedback feedback) {
    }

    private Locked lock(Connection c, String id, Instant now) throws SQLException {
        Day day = lockScope(c);
        KeyRow row = lockKey(c, id);
        ServerFeedback feedback = ServerFeedback.of(row.feedback());
        feedback.expire(now);
        return new Locked(day, row, feedback);
    }

    /** The key's row, and the database's clock read once the row was locked. */
    private record KeyRow(long granted, ServerFeedback.Fields feedback, Instant dbNow) {
    }

    private Day lockScope(Connection c) throws SQLException {
        try (PreparedStatement sql = c.prepareStatement(
                "SELECT utc_day, day_used FROM velaro_quota_scope WHERE scope = ? FOR UPDATE")) {
            sql.setString(1, scope);
            try (ResultSet rs = sql.executeQuery()) {
                if (!rs.next()) {
                    throw new IllegalStateException("no row for scope " + scope + " in velaro_quota_scope");
                }
                return new Day(rs.getLong(1), rs.getLong(2));
            }
        }
    }

    private KeyRow lockKey(Connection c, String id) throws SQLException {
        try (PreparedStatement sql = c.prepareStatement("SELECT granted, server_budget, server_reset, budget_permit, "
                                                        + "spent, blocked_until, month_remaining, month_blocked_until, "
                                                        + nowExpression + " FROM velaro_quota_key WHERE key_id = ? FOR UPDATE")) {
            sql.setString(1, id);
            try (ResultSet rs = sql.executeQuery()) {
                if (!rs.next()) {
                    throw new IllegalStateException("no row for key " + id + " in velaro_quota_key");
                }
                return new KeyRow(rs.getLong(1), new ServerFeedback.Fields(Timestamps.getInteger(rs, 2),
                        Timestamps.get(rs, 3), rs.getLong(4), rs.getBoolean(5), Timestamps.get(rs, 6),
                        Timestamps.getInteger(rs, 7), Timestamps.get(rs, 8)), Timestamps.get(rs, 9));
            }
        }
    }

    private static long epochDay(Instant instant) {
        return Math.floorDiv(instant.getEpochSecond(), 86_400L);
    }

    /** The rows of this scope and key, inserted once per store when missing (outside the permit's transaction). */
    private void ensureRows(String id) throws SQLException {
        if (!schemaChecked) {
            synchronized (this) {
                if (!schemaChecked && createSchema) {
                    ClusterSchema.createIfAbsent(dataSource);
                }
                schemaChecked = true;
            }
        }
        if (!rowsKnown.contains(id)) {
            insertIfAbsent("INSERT INTO velaro_quota_scope (scope, utc_day, day_used) VALUES (?, 0, 0)", scope);
            insertIfAbsent("INSERT INTO velaro_quota_key (key_id, granted, budget_permit, spent) VALUES (?, 0, 0, FALSE)",
                    id);
            rowsKnown.add(id);
        }
    }

    private void insertIfAbsent(String insert, String id) throws SQLException {
        try (Connection c = dataSource.getConnection(); PreparedStatement sql = c.prepareStatement(insert)) {
            c.setAutoCommit(true);
            sql.setString(1, id);
            sql.executeUpdate();
        } catch (SQLException e) {
            if (e.getSQLState() == null || !e.getSQLState().startsWith("23")) {
                throw e; // not "already there" (an integrity constraint violation)
            }
        }
    }

    @FunctionalInterface
    private interface Work<T> {
        T run(Connection connection) throws SQLException;
    }

    /** Runs the work in one transaction, after making sure the scope's and the key's rows exist. */
    private <T> T inTransaction(String id, Work<T> work) {
        try {
            ensureRows(id);
            try (Connection c = dataSource.getConnection()) {
                boolean autoCommit = c.getAutoCommit();
                c.setAutoCommit(false);
                try {
                    T result = work.run(c);
                    c.commit();
                    return result;
                } catch (SQLException | RuntimeException e) {
                    c.rollback();
                    throw e;
                } finally {
                    c.setAutoCommit(autoCommit);
                }
            }
        } catch (SQLException e) {
            throw new VelaroException("The shared Velaro quota could not be read or updated (SQL state "
                                      + e.getSQLState() + "); the request is not sent", 0, null, e);
        }
    }
}
