package io.github.camelvelaro.velaro.jdbc;

import java.io.IOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

import javax.sql.DataSource;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/** One embedded PostgreSQL 17 for a test class, with a connection pool as an application would have. */
final class PostgresSupport implements AutoCloseable {

    private final EmbeddedPostgres postgres;
    private final HikariDataSource pool;

    PostgresSupport() throws IOException {
        postgres = EmbeddedPostgres.builder().start();
        pool = pool(postgres.getJdbcUrl("postgres", "postgres"), 30);
    }

    static HikariDataSource pool(String jdbcUrl, int size) {
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(jdbcUrl);
        config.setUsername("postgres");
        config.setMaximumPoolSize(size);
        return new HikariDataSource(config);
    }

    DataSource dataSource() {
        return pool;
    }

    String jdbcUrl() {
        return postgres.getJdbcUrl("postgres", "postgres");
    }

    void sql(String statement) throws SQLException {
        try (Connection c = pool.getConnection(); Statement sql = c.createStatement()) {
            sql.execute(statement);
        }
    }

    /** Empties the cluster tables (creating them first when needed). */
    void reset() throws SQLException {
        ClusterSchema.createIfAbsent(pool);
        sql("TRUNCATE velaro_quota_scope, velaro_quota_key, velaro_quota_send, velaro_state");
    }

    @Override
    public void close() throws IOException {
        pool.close();
        postgres.close();
    }
}
