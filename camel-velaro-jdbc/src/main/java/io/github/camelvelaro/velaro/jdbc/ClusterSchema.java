package io.github.camelvelaro.velaro.jdbc;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

import javax.sql.DataSource;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The cluster tables ({@value #RESOURCE}): read from the jar, and created when missing. Several nodes may start at
 * once: PostgreSQL's {@code CREATE TABLE IF NOT EXISTS} can still fail when two create one table together, so a
 * failed attempt is tried again once the other node's has committed.
 */
public final class ClusterSchema {

    /** The classpath resource with the DDL, to apply by hand or with a migration tool instead. */
    public static final String RESOURCE = "/io/github/camelvelaro/velaro/jdbc/velaro-cluster.sql";

    private static final Logger LOG = LoggerFactory.getLogger(ClusterSchema.class);
    private static final int ATTEMPTS = 5;

    private ClusterSchema() {
    }

    /** The statements of {@value #RESOURCE}, comments removed. */
    public static List<String> statements() {
        try (InputStream in = ClusterSchema.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(RESOURCE + " is missing from the classpath");
            }
            StringBuilder text = new StringBuilder();
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                if (!line.strip().startsWith("--")) {
                    text.append(line).append('\n');
                }
            }
            List<String> statements = new ArrayList<>();
            for (String statement : text.toString().split(";\\s*\n")) {
                if (!statement.isBlank()) {
                    statements.add(statement.strip());
                }
            }
            return statements;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Creates the tables and indexes that do not exist yet. */
    public static void createIfAbsent(DataSource dataSource) {
        SQLException last = null;
        for (int attempt = 1; attempt <= ATTEMPTS; attempt++) {
            try (Connection connection = dataSource.getConnection(); Statement sql = connection.createStatement()) {
                connection.setAutoCommit(true);
                for (String statement : statements()) {
                    sql.execute(statement);
                }
                return;
            } catch (SQLException e) {
                last = e;
                LOG.debug("Creating the Velaro cluster tables failed (attempt {}), probably racing another node: {}",
                        attempt, e.getMessage());
                sleep(100L * attempt);
            }
        }
        throw new IllegalStateException("Could not create the Velaro cluster tables of " + RESOURCE, last);
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
