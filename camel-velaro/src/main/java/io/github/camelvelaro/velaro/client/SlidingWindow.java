package io.github.camelvelaro.velaro.client;

import java.time.Instant;

/**
 * Counts the requests of the last minute in 100 ms buckets: constant memory whatever the rate (a list of send times
 * grows with the limit, which may be lifted to millions), and never an under-count. A request is kept until the end
 * of its bucket plus the window, so the count over-states the true one by at most one bucket's worth of requests at
 * the edge: a limit can make a request wait up to 100 ms longer than strictly needed, never let one through early.
 * Not thread-safe: its owner ({@link RateGovernor}'s key state) holds the lock.
 */
final class SlidingWindow {

    static final long BUCKET_MILLIS = 100;
    private static final int BUCKETS = (int) (RateGovernor.WINDOW.toMillis() / BUCKET_MILLIS) + 1;

    private final int[] counts = new int[BUCKETS];
    private long newestBucket = Long.MIN_VALUE;
    private int total;

    /** Requests in the window ending now. */
    int count(Instant now) {
        advance(bucket(now));
        return total;
    }

    /** Counts one request sent now. */
    void record(Instant now) {
        long b = bucket(now);
        advance(b);
        counts[slot(Math.max(b, newestBucket))]++;
        total++;
    }

    /**
     * When the window will hold fewer than {@code limit} requests again, or null when it already does.
     */
    Instant freesAt(Instant now, int limit) {
        long current = bucket(now);
        advance(current);
        if (total < limit) {
            return null;
        }
        int mustLeave = total - limit + 1;
        for (long b = newestBucket - BUCKETS + 1; b <= newestBucket; b++) {
            mustLeave -= counts[slot(b)];
            if (mustLeave <= 0) {
                // the bucket's requests leave once the bucket's end is a full window ago
                return Instant.ofEpochMilli((b + 1) * BUCKET_MILLIS).plus(RateGovernor.WINDOW);
            }
        }
        throw new IllegalStateException("window total " + total + " does not match its buckets");
    }

    /** Drops the buckets that ended a full window before {@code bucket}'s start. */
    private void advance(long bucket) {
        if (bucket <= newestBucket) {
            return; // same bucket, or a clock that stepped back: keep counting in the newest one
        }
        long steps = newestBucket == Long.MIN_VALUE ? BUCKETS : Math.min(bucket - newestBucket, BUCKETS);
        for (long i = 1; i <= steps; i++) {
            int s = slot(bucket - steps + i);
            total -= counts[s];
            counts[s] = 0;
        }
        newestBucket = bucket;
    }

    private static long bucket(Instant t) {
        return Math.floorDiv(t.toEpochMilli(), BUCKET_MILLIS);
    }

    private static int slot(long bucket) {
        return (int) Math.floorMod(bucket, (long) BUCKETS);
    }
}
