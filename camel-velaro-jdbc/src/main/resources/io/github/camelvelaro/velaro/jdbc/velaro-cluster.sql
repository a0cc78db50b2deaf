-- camel-velaro cluster mode: the tables JdbcQuotaStore and JdbcStateRepository use (PostgreSQL; the statements are
-- plain SQL apart from IF NOT EXISTS). Apply it once (psql -f velaro-cluster.sql, Flyway, Liquibase), or let the
-- store and the repository create what is missing at start (createSchema=true). Statements end with ';' at a line's end.

-- one row a scope (the site, i.e. one dailyRequestLimit): the UTC day (days since 1970-01-01) and the requests
-- sent in it. Every permit locks this row, so the day's count is exact over all nodes.
CREATE TABLE IF NOT EXISTS velaro_quota_scope (
    scope      VARCHAR(200) NOT NULL PRIMARY KEY,
    utc_day    BIGINT       NOT NULL,
    day_used   BIGINT       NOT NULL
);

-- one row an API key, by fingerprint (the first 12 hex characters of the key's SHA-256, never the key): the permits
-- granted so far, and what Velaro's headers said (ServerFeedback's fields)
CREATE TABLE IF NOT EXISTS velaro_quota_key (
    key_id              VARCHAR(64) NOT NULL PRIMARY KEY,
    granted             BIGINT      NOT NULL,
    server_budget       INTEGER,
    server_reset        TIMESTAMP WITH TIME ZONE,
    budget_permit       BIGINT      NOT NULL,
    spent               BOOLEAN     NOT NULL,
    blocked_until       TIMESTAMP WITH TIME ZONE,
    month_remaining     INTEGER,
    month_blocked_until TIMESTAMP WITH TIME ZONE
);

-- the send time of every request of the last minute, on the database's clock: the exact sliding window per key
CREATE TABLE IF NOT EXISTS velaro_quota_send (
    key_id  VARCHAR(64)              NOT NULL,
    sent_at TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX IF NOT EXISTS velaro_quota_send_key_time ON velaro_quota_send (key_id, sent_at);

-- Camel StateRepository entries (poll cursors, reconcile groups): one row a repository name and key
CREATE TABLE IF NOT EXISTS velaro_state (
    repository  VARCHAR(200)             NOT NULL,
    state_key   VARCHAR(1000)            NOT NULL,
    state_value TEXT                     NOT NULL,
    updated_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    PRIMARY KEY (repository, state_key)
);
