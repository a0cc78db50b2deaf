package io.github.camelvelaro.velaro.client;

/**
 * Counts the requests of the last minute in 100 ms buckets: constant memory whatever the rate (a list of send times
 * grows with the limit, which may be lifted to millions), and never an under-count. A request is kept until the end
 * of its bucket plus the window, so the count over-states the true one by at most one bucket's worth of requests at
 * the edge: a limit can make a request wait up to 100 ms longer than strictly needed, never let one through early.
 * <p>
 * Time is read from a monotonic ticker in nanoseconds ({@code System.nanoTime()} in production), never from the wall
 * clock: a wall clock stepped forward by a minute (NTP, a VM resumed) would otherwise empty the window and let twice
 * the limit through in one real minute. Not thread-safe: its owner ({@link RateGovernor}'s key state) holds the lock.
 */
final class SlidingWindow {

    static final long BUCKET_NANOS = 100_000_000L;
    static final long WINDOW_NANOS = RateGovernor.WINDOW.toNanos();
    private static final int BUCKETS = (int) (WINDOW_NANOS / BUCKET_NANOS) + 1;
    private static final long NONE = Long.MIN_VALUE;

    private final int[] counts = new int[BUCKETS];
    private long newestBucket = NONE;
    private int total;

    /** Requests in the window ending at tick {@code now}. */
    int count(long now) {
        advance(bucket(now));
        return total;
    }

    /** Counts one request sent at tick {@code now}. */
    void record(long now) {
        long b = bucket(now);
        advance(b);
        counts[slot(Math.max(b, newestBucket))]++;
        total++;
    }

    /**
     * How many nanoseconds from tick {@code now} until the window holds fewer than {@code limit} requests again;
     * 0 when it already does.
     */
    long nanosUntilFree(long now, int limit) {
        advance(bucket(now));
        if (total < limit) {
            return 0;
        }
        int mustLeave = total - limit + 1;
        for (long b = newestBucket - BUCKETS + 1; b <= newestBucket; b++) {
            mustLeave -= counts[slot(b)];
            if (mustLeave <= 0) {
                // the bucket's requests leave once the bucket's end is a full window ago
                return Math.max(1, (b + 1) * BUCKET_NANOS + WINDOW_NANOS - now);
            }
        }
        throw new IllegalStateException("window total " + total + " does not match its buckets");
    }

    /** Drops the buckets that ended a full window before {@code bucket}'s start. */
    private void advance(long bucket) {
        if (bucket <= newestBucket) {
            return; // same bucket (a monotonic ticker never goes back)
        }
        long steps = newestBucket == NONE ? BUCKETS : Math.min(bucket - newestBucket, BUCKETS);
        for (long i = 1; i <= steps; i++) {
            int s = slot(bucket - steps + i);
            total -= counts[s];
            counts[s] = 0;
        }
        newestBucket = bucket;
    }

    private static long bucket(long tick) {
        return Math.floorDiv(tick, BUCKET_NANOS);
    }

    private static int slot(long bucket) {
        return (int) Math.floorMod(bucket, (long) BUCKETS);
    }
}
