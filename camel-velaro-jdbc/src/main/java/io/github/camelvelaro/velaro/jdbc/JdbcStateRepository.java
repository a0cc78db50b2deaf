package io.github.camelvelaro.velaro.jdbc;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

import javax.sql.DataSource;

import org.apache.camel.RuntimeCamelException;
import org.apache.camel.spi.StateRepository;
import org.apache.camel.support.service.ServiceSupport;

/**
 * A Camel {@link StateRepository} in a database table ({@code velaro_state}: repository name, key, value, updated
 * at), for the pollers' {@code offsetRepository} and the {@code reconcileRepository} of a cluster: every node reads
 * and writes the same rows, so the leader that takes over resumes the cursor the last one committed.
 * <p>
 * A write is one atomic upsert ({@code INSERT ... ON CONFLICT DO UPDATE}, PostgreSQL's and SQLite's syntax): two nodes
 * writing one key at once never fail and never leave a half-written value; the later commit wins. A read is always
 * the database's current row, never a copy cached at start, so a node that becomes leader sees its predecessor's last
 * write. Which API key wrote a cursor is in the value (the poller's own rule, unchanged): the repository only stores.
 */
public final class JdbcStateRepository extends ServiceSupport implements StateRepository<String, String> {

    /** The repository name when none is given. */
    public static final String DEFAULT_NAME = "velaro";

    private final DataSource dataSource;
    private final String name;
    private boolean createSchema;

    public JdbcStateRepository(DataSource dataSource) {
        this(dataSource, DEFAULT_NAME);
    }

    /** @param name keeps several repositories apart in one table */
    public JdbcStateRepository(DataSource dataSource, String name) {
        if (dataSource == null || name == null || name.isBlank()) {
            throw new IllegalArgumentException("JdbcStateRepository needs a DataSource and a name");
        }
        this.dataSource = dataSource;
        this.name = name;
    }

    /** Whether the tables are created at start when they do not exist (default false: apply the SQL yourself). */
    public void setCreateSchema(boolean createSchema) {
        this.createSchema = createSchema;
    }

    @Override
    protected void doStart() {
        if (createSchema) {
            ClusterSchema.createIfAbsent(dataSource);
        }
    }

    /** Stores the value under the key (a null value removes the key), in one statement. */
    @Override
    public void setState(String key, String value) {
        if (value == null) {
            update("DELETE FROM velaro_state WHERE repository = ? AND state_key = ?", key, null);
            return;
        }
        update("INSERT INTO velaro_state (repository, state_key, state_value, updated_at) "
               + "VALUES (?, ?, ?, CURRENT_TIMESTAMP) ON CONFLICT (repository, state_key) "
               + "DO UPDATE SET state_value = EXCLUDED.state_value, updated_at = EXCLUDED.updated_at",
                key, value);
    }

    @Override
    public String getState(String key) {
        try (Connection c = dataSource.getConnection(); PreparedStatement sql = c.prepareStatement(
                "SELECT state_value FROM velaro_state WHERE repository = ? AND state_key = ?")) {
            sql.setString(1, name);
            sql.setString(2, key);
            try (ResultSet rs = sql.executeQuery()) {
                return rs.next() ? rs.getString(1) : null;
            }
        } catch (SQLException e) {
            throw failure("read", key, e);
        }
    }

    private void update(String statement, String key, String value) {
        try (Connection c = dataSource.getConnection(); PreparedStatement sql = c.prepareStatement(statement)) {
            c.setAutoCommit(true);
            sql.setString(1, name);
            sql.setString(2, key);
            if (value != null) {
                sql.setString(3, value);
            }
            sql.executeUpdate();
        } catch (SQLException e) {
            throw failure("write", key, e);
        }
    }

    private RuntimeCamelException failure(String what, String key, SQLException e) {
        return new RuntimeCamelException("Could not " + what + " the state " + key + " of repository " + name
                                          + " (SQL state " + e.getSQLState() + ")", e);
    }
}
