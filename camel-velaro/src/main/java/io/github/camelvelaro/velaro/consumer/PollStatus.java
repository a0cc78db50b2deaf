package io.github.camelvelaro.velaro.consumer;

import java.time.Instant;

import io.github.camelvelaro.velaro.client.QuotaSnapshot;
import io.github.camelvelaro.velaro.exception.VelaroException;

/**
 * A poller's state as the health check shows it, read without calling Velaro.
 *
 * @param lastSuccessfulPoll when a poll last completed with Velaro answering, or null
 * @param cursor             the cursor as last read or committed, or null before the first poll
 * @param pausedUntil        when a rate-limit pause ends, or null
 * @param authFailure        the 401/403 in force, or null
 * @param quota              the quota as last seen by the client, or null before start
 * @param failingItem        the item whose deliveries fail in a row, or null
 * @param skippedItems       how many items were skipped after failing {@code maxItemFailures} times
 * @param lastSkippedItem    {@code id@updatedAt} of the last of them, or null
 * @param requests           requests the poller sent since it started
 * @param reconciliation     what its {@code reconcileGroup} found, or null without one
 */
record PollStatus(Instant lastSuccessfulPoll, PollCursor cursor, Instant pausedUntil, VelaroException authFailure,
                  QuotaSnapshot quota, ItemFailures.Failure failingItem, long skippedItems, String lastSkippedItem,
                  long requests, Reconciliation.Counts reconciliation) {
}
