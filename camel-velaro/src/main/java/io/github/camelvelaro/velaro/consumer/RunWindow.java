package io.github.camelvelaro.velaro.consumer;

/**
 * The next page to read of a run of items that share one {@code updatedAt}, which only page numbers can walk.
 * <p>
 * The window overlaps what was already read: it starts at or before the last item seen, so comparing the overlap
 * with what was seen there shows whether the run changed in between (an item that moves out of the run shifts every
 * later page number by one, which would otherwise skip an item unseen). Among the page sizes up to the poller's
 * {@code pageSize} it picks the one that reads the most new items; only when none reads any does it go above.
 *
 * @param page  the 1-based page number
 * @param size  the page size
 * @param start the 0-based position in the run of the window's first item
 */
record RunWindow(int page, int size, int start) {

    /** Velaro's largest page. */
    static final int MAX_SIZE = io.github.camelvelaro.velaro.client.ListQuery.MAX_PAGE_SIZE;

    /** The first page of a run. */
    static RunWindow first(int pageSize) {
        return new RunWindow(1, pageSize, 0);
    }

    /**
     * A window whose first item is at or before position {@code seen - 1} and whose last is after it.
     *
     * @param seen     how many items of the run (from its start) were read, at least 1
     * @param pageSize the poller's page size
     */
    static RunWindow after(int seen, int pageSize) {
        int last = seen - 1;
        int bestSize = 0;
        int bestNew = 0;
        for (int size = 2; size <= MAX_SIZE; size++) {
            if (size > pageSize && bestNew > 0) {
                break;
            }
            int fresh = size - 1 - last % size;
            if (fresh >= bestNew && fresh > 0) {
                bestSize = size;
                bestNew = fresh;
            }
        }
        if (bestSize == 0) {
            throw new IllegalStateException("no page of at most " + MAX_SIZE + " items reaches past position " + last);
        }
        int page = last / bestSize + 1;
        return new RunWindow(page, bestSize, (page - 1) * bestSize);
    }
}
