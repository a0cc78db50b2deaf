package io.github.camelvelaro.velaro.jdbc;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;

/** Tests on one embedded PostgreSQL per class, with empty cluster tables before each test. */
abstract class OnPostgres {

    protected static PostgresSupport postgres;

    @BeforeAll
    static void startPostgres() throws Exception {
        postgres = new PostgresSupport();
    }

    @AfterAll
    static void stopPostgres() throws Exception {
        postgres.close();
    }

    @BeforeEach
    void emptyTables() throws Exception {
        postgres.reset();
    }
}
