package io.github.camelvelaro.velaro.consumer;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;

import io.github.camelvelaro.velaro.client.ListQuery;
import io.github.camelvelaro.velaro.client.VelaroApi;
import io.github.camelvelaro.velaro.client.VelaroException;
import io.github.camelvelaro.velaro.client.VelaroMalformedResponseException;
import io.github.camelvelaro.velaro.client.VelaroResponse;
import io.github.camelvelaro.velaro.model.VelaroPage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads everything updated since a cursor, in ({@code updatedAt}, {@code id}) order, handing each new item to a
 * delivery and advancing the cursor past it only when the delivery succeeded.
 * <p>
 * Paging is by key, not by page number: after a full page the next request asks for {@code updatedSince} = the last
 * delivered {@code updatedAt}, page 1, and the cursor skips what was already delivered at that instant. Page numbers
 * shift whenever an item on an earlier page is updated (it moves to the end), which would skip an item; a key does
 * not move. Only a full page whose items all share the boundary instant cannot be got past by key (asking again
 * returns the same page); that run of items is walked by page number with {@linkplain RunWindow overlapping
 * windows}, and read again from its start whenever the overlap shows it changed.
 *
 * @param <T> the item type
 */
final class KeysetPager<T> {

    private static final Logger LOG = LoggerFactory.getLogger(KeysetPager.class);

    /** How often one poll reads a changing run again before leaving it to the next poll. */
    static final int MAX_RUN_RESTARTS = 3;

    /** Receives one item; answers whether its exchange completed without an exception. */
    interface Delivery<T> {
        boolean deliver(T item);
    }

    /**
     * @param delivered        items delivered (and committed)
     * @param requests         requests sent
     * @param cursor           the cursor after the last committed item
     * @param stoppedByFailure whether a delivery failed, which ends the poll before the failed item
     */
    record Outcome(int delivered, int requests, PollCursor cursor, boolean stoppedByFailure) {
    }

    /** How a walk through a run of items at one instant ended. */
    private enum RunEnd {
        /** Items after the run were reached: paging by key goes on from the cursor. */
        PAST_IT,
        /** Velaro has nothing more. */
        NOTHING_MORE,
        /** A delivery failed, the consumer is stopping, or the run kept changing: the poll ends. */
        STOPPED
    }

    private final VelaroApi api;
    private final PolledResource<T> resource;
    private final ListQuery firstPage;
    private final BooleanSupplier running;

    /**
     * @param firstPage page 1 with the page size and filters; {@code updatedSince} is set from the cursor
     * @param running   false once the consumer is stopping or suspended: no new page or item is started then
     */
    KeysetPager(VelaroApi api, PolledResource<T> resource, ListQuery firstPage, BooleanSupplier running) {
        this.api = api;
        this.resource = resource;
        this.firstPage = firstPage;
        this.running = running;
    }

    /**
     * Velaro's clock, from the {@code Date} header of a one-item request: where {@code startFrom=now} starts.
     *
     * @return the server's time, or null when it sent no usable {@code Date}
     */
    Instant serverNow() throws InterruptedException {
        return await(resource.list(api, new ListQuery(1, 1, null, firstPage.status(), firstPage.email()))).serverDate();
    }

    /**
     * Delivers everything after {@code start}, page after page while Velaro reports more, until done, stopped, or a
     * delivery fails.
     *
     * @param commit called with the new cursor after each successful delivery, before the next one starts
     */
    Outcome drain(PollCursor start, Delivery<T> delivery, Consumer<PollCursor> commit) throws InterruptedException {
        Drain drain = new Drain(start, delivery, commit);
        drain.run();
        return new Outcome(drain.delivered, drain.requests, drain.cursor, drain.failed);
    }

    /** One drain: the cursor it moves and what it counts. */
    private final class Drain {

        private final Delivery<T> delivery;
        private final Consumer<PollCursor> commit;
        private PollCursor cursor;
        private int delivered;
        private int requests;
        private boolean failed;

        Drain(PollCursor start, Delivery<T> delivery, Consumer<PollCursor> commit) {
            this.cursor = start;
            this.delivery = delivery;
            this.commit = commit;
        }

        void run() throws InterruptedException {
            ListQuery query = firstPage.withUpdatedSince(cursor.updatedSince());
            while (running.getAsBoolean()) {
                VelaroPage<T> page = fetch(query);
                List<T> items = page.getData();
                if (!deliverFrom(items, 0) || !hasMore(page, items, query)) {
                    return;
                }
                Instant boundary = cursor.updatedSince();
                if (allAt(items, boundary)) {
                    // page 1 from at most the boundary, all at it: these are the first items of the run there
                    if (walkRun(boundary, ids(items)) != RunEnd.PAST_IT) {
                        return;
                    }
                }
                ListQuery next = firstPage.withUpdatedSince(cursor.updatedSince());
                if (next.equals(query)) {
                    // only a server ignoring updatedSince gets here; asking again would loop
                    LOG.warn("Velaro returned a full page of {}s from updatedSince={} that were all delivered "
                             + "before; stopping this poll instead of asking for the same page again",
                            resource.noun(), query.updatedSince());
                    return;
                }
                query = next;
            }
        }

        /**
         * Reads the run of items at {@code instant} by page number, each window overlapping what was read, until
         * the window reaches past the run or the end.
         *
         * @param seen ids of the run's first items, in Velaro's order, as read already
         */
        private RunEnd walkRun(Instant instant, List<String> seen) throws InterruptedException {
            List<String> observed = new ArrayList<>(seen);
            int restarts = 0;
            while (running.getAsBoolean()) {
                RunWindow window = observed.isEmpty()
                        ? RunWindow.first(firstPage.pageSize()) : RunWindow.after(observed.size(), firstPage.pageSize());
                ListQuery query = new ListQuery(window.page(), window.size(), instant, firstPage.status(),
                        firstPage.email());
                VelaroPage<T> page = fetch(query);
                List<T> items = page.getData();
                int overlap = observed.size() - window.start();
                if (!matches(items, observed, window.start(), overlap, instant)) {
                    if (++restarts > MAX_RUN_RESTARTS) {
                        LOG.info("The {}s updated at {} kept changing while being read; the next poll reads them "
                                 + "again", resource.noun(), instant);
                        return RunEnd.STOPPED;
                    }
                    // an item moved in or out of the run, shifting page numbers: start the run again
                    LOG.debug("The {}s updated at {} changed while being read; reading them again from the first",
                            resource.noun(), instant);
                    observed.clear();
                    continue;
                }
                for (int i = overlap; i < items.size(); i++) {
                    if (resource.updatedAt(items.get(i)).equals(instant)) {
                        observed.add(resource.id(items.get(i)));
                    }
                }
                if (!deliverFrom(items, overlap)) {
                    return RunEnd.STOPPED;
                }
                if (!hasMore(page, items, query)) {
                    return RunEnd.NOTHING_MORE;
                }
                if (!resource.updatedAt(items.get(items.size() - 1)).equals(instant)) {
                    return RunEnd.PAST_IT;
                }
            }
            return RunEnd.STOPPED;
        }

        /** Whether the window repeats, at its start, the items read at those positions of the run. */
        private boolean matches(List<T> items, List<String> observed, int start, int overlap, Instant instant) {
            if (items.size() < overlap) {
                return false;
            }
            for (int i = 0; i < overlap; i++) {
                T item = items.get(i);
                if (!resource.updatedAt(item).equals(instant) || !resource.id(item).equals(observed.get(start + i))) {
                    return false;
                }
            }
            return true;
        }

        /** Delivers the items from position {@code from} on that the cursor does not cover; false to end the poll. */
        private boolean deliverFrom(List<T> items, int from) {
            for (int i = from; i < items.size(); i++) {
                if (!running.getAsBoolean()) {
                    return false;
                }
                T item = items.get(i);
                String id = resource.id(item);
                Instant updatedAt = resource.updatedAt(item);
                if (cursor.covers(id, updatedAt)) {
                    continue;
                }
                if (!delivery.deliver(item)) {
                    failed = true;
                    return false;
                }
                cursor = cursor.after(id, updatedAt);
                commit.accept(cursor);
                delivered++;
            }
            return true;
        }

        private VelaroPage<T> fetch(ListQuery query) throws InterruptedException {
            requests++;
            VelaroPage<T> page = await(resource.list(api, query)).body();
            checkItems(page.getData(), query);
            return page;
        }
    }

    private boolean allAt(List<T> items, Instant instant) {
        return resource.updatedAt(items.get(0)).equals(instant)
               && resource.updatedAt(items.get(items.size() - 1)).equals(instant);
    }

    private List<String> ids(List<T> items) {
        List<String> ids = new ArrayList<>(items.size());
        items.forEach(item -> ids.add(resource.id(item)));
        return ids;
    }

    private static boolean hasMore(VelaroPage<?> page, List<?> items, ListQuery query) {
        if (items.isEmpty()) {
            return false;
        }
        // trust hasMore when Velaro sends it; a full page is the sign of more otherwise
        return page.getHasMore() != null ? page.hasMore() : items.size() >= query.pageSize();
    }

    /** Refuses a page as a whole when one of its items could not be tracked or they are out of order. */
    private void checkItems(List<T> items, ListQuery query) {
        Instant previous = null;
        for (int i = 0; i < items.size(); i++) {
            T item = items.get(i);
            String problem = null;
            if (item == null) {
                problem = "a null item";
            } else if (resource.id(item) == null || resource.id(item).isBlank()) {
                problem = "a " + resource.noun() + " without an id";
            } else if (resource.updatedAt(item) == null) {
                problem = resource.noun() + " " + resource.id(item) + " without updatedAt";
            } else if (previous != null && resource.updatedAt(item).isBefore(previous)) {
                problem = resource.noun() + " " + resource.id(item) + " out of updatedAt order";
            }
            if (problem != null) {
                throw new VelaroMalformedResponseException("Velaro returned " + problem + " at position " + (i + 1)
                                                           + " of page " + query.page() + " for updatedSince="
                                                           + query.updatedSince() + "; the poller cannot track it, "
                                                           + "delivers nothing from this page and retries at the next poll",
                        200, null);
            }
            previous = resource.updatedAt(item);
        }
    }

    /** Waits for a call without holding up shutdown: an interrupt cancels it. */
    private static <R> VelaroResponse<R> await(CompletableFuture<VelaroResponse<R>> call) throws InterruptedException {
        try {
            return call.get();
        } catch (InterruptedException e) {
            call.cancel(true);
            throw e;
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            while ((cause instanceof CompletionException || cause instanceof ExecutionException)
                    && cause.getCause() != null) {
                cause = cause.getCause();
            }
            if (cause instanceof RuntimeException re) {
                throw re;
            }
            throw new VelaroException("Listing failed: " + cause, 0, null, cause);
        }
    }
}
