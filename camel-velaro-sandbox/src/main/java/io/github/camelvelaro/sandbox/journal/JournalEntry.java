package io.github.camelvelaro.sandbox.journal;

import java.time.Duration;
import java.time.Instant;

/**
 * One request the sandbox received. Never holds the key: only its fingerprint (the first 12 hex digits of its SHA-256,
 * as the component's {@code ApiKey.fingerprint()}).
 *
 * @param time           when it arrived (sandbox clock)
 * @param method         e.g. {@code GET}
 * @param path           the path below the base URL, e.g. {@code /conversations/conv_1}; for a workflow trigger URL
 *                       {@code /hooks/workflows/******} (the token masked); else the whole path
 * @param query          the query string, decoded, with anything that looks like a key or secret masked; empty when
 *                       none
 * @param status         the status answered, or 0 when the connection was dropped without an answer
 * @param keyFingerprint the fingerprint of the key sent, or null when none (or a malformed one) was sent
 * @param fault          the injected fault that shaped the answer, or null
 * @param duration       how long it took to answer (wall clock, including injected delays)
 */
public record JournalEntry(Instant time, String method, String path, String query, int status, String keyFingerprint,
                           String fault, Duration duration) {

    /** Whether the client got no response at all. */
    public boolean dropped() {
        return status == 0;
    }

    /** e.g. {@code GET /conversations?page=2 -> 200}. */
    @Override
    public String toString() {
        return method + " " + path + (query.isEmpty() ? "" : "?" + query) + " -> " + (dropped() ? "dropped" : status)
               + (keyFingerprint == null ? "" : " key " + keyFingerprint) + (fault == null ? "" : " fault " + fault);
    }
}
