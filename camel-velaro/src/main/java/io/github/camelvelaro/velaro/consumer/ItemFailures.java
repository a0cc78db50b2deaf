package io.github.camelvelaro.velaro.consumer;

import java.time.Instant;
import java.util.concurrent.atomic.AtomicLong;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Failed deliveries of the item at the head of the line. A failed delivery ends the poll, and the next poll starts
 * with the same item, so the failures of one item come in a row; they count until the cursor passes the item
 * (delivered, skipped, replaced by a newer version, or gone from Velaro).
 * <p>
 * At {@code maxItemFailures} the item is reported (the health check turns DOWN naming it) or, with
 * {@code skipFailingItems}, skipped with a WARN and counted. Either way it is never retried in silence.
 */
final class ItemFailures {

    private static final Logger LOG = LoggerFactory.getLogger(ItemFailures.class);

    /**
     * The failures in a row of one version of an item.
     *
     * @param id        the item's id
     * @param updatedAt the version's {@code updatedAt}
     * @param count     failed deliveries in a row
     * @param lastError why the last one failed
     */
    record Failure(String id, Instant updatedAt, int count, Throwable lastError) {

        /** e.g. {@code IllegalStateException: downstream unavailable}. */
        String describeError() {
            String message = lastError.getMessage();
            return lastError.getClass().getSimpleName() + (message == null ? "" : ": " + message);
        }
    }

    private final int threshold;
    private final boolean skip;
    private final String poller;
    private final PolledResource<?> items;
    private final AtomicLong skipped = new AtomicLong();
    private volatile Failure current;
    private volatile String lastSkipped;

    /**
     * @param threshold {@code maxItemFailures}
     * @param skip      {@code skipFailingItems}
     * @param poller    e.g. {@code velaro:conversations}, for the log lines
     * @param items     what is polled, for the log lines
     */
    ItemFailures(int threshold, boolean skip, String poller, PolledResource<?> items) {
        this.threshold = threshold;
        this.skip = skip;
        this.poller = poller;
        this.items = items;
    }

    /**
     * Records a failed delivery.
     *
     * @return true when the item is to be skipped now: the cursor moves past it as if it had been delivered
     */
    synchronized boolean failed(String id, Instant updatedAt, Throwable error) {
        Failure previous = current;
        int count = previous != null && previous.id().equals(id) && previous.updatedAt().equals(updatedAt)
                ? previous.count() + 1 : 1;
        Failure failure = new Failure(id, updatedAt, count, error);
        current = failure;
        if (count < threshold) {
            return false;
        }
        if (!skip) {
            if (count == threshold) {
                LOG.warn("{} {} (updatedAt {}) of {} failed {} deliveries in a row and holds back every later change; "
                         + "the consumer health check reports DOWN until it is delivered. Last error: {}. Handle the error "
                         + "in the route (e.g. a dead-letter channel) or set skipFailingItems=true to skip such items.",
                        items.capitalNoun(), id, updatedAt, poller, count, failure.describeError());
            }
            return false;
        }
        skipped.incrementAndGet();
        lastSkipped = id + "@" + updatedAt;
        LOG.warn("{} skips {} {} (updatedAt {}) after {} failed deliveries in a row (skipFailingItems=true); it is not "
                 + "delivered again unless it changes. Last error: {}",
                poller, items.noun(), id, updatedAt, count, failure.describeError());
        return true;
    }

    /** Called with every committed cursor: once it covers the failing item, that item no longer holds anything back. */
    void passed(PollCursor cursor) {
        Failure failure = current;
        if (failure != null && cursor.covers(failure.id(), failure.updatedAt())) {
            synchronized (this) {
                if (current == failure) {
                    current = null;
                }
            }
        }
    }

    /** The item failing at the head of the line, or null. */
    Failure current() {
        return current;
    }

    /** Whether the current failure has reached the threshold (and so was not skipped). */
    boolean isStuck(Failure failure) {
        return failure != null && failure.count() >= threshold;
    }

    int threshold() {
        return threshold;
    }

    /** How many items were skipped since the consumer was created. */
    long skipped() {
        return skipped.get();
    }

    /** {@code id@updatedAt} of the last skipped item, or null. */
    String lastSkipped() {
        return lastSkipped;
    }
}
