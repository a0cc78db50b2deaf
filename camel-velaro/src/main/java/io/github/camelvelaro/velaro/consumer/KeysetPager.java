package io.github.camelvelaro.velaro.consumer;

import java.time.Instant;
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
 * delivered {@code updatedAt}, page 1, and the cursor skips what was already delivered at that instant. Page
 * numbers shift whenever an item on an earlier page is updated (it moves to the end), which would skip an item;
 * a key does not move. Only when a whole page shares the boundary instant does paging fall back to the next page
 * number, because asking again from that instant would return the same page forever.
 *
 * @param <T> the item type
 */
final class KeysetPager<T> {

    private static final Logger LOG = LoggerFactory.getLogger(KeysetPager.class);

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
        PollCursor cursor = start;
        ListQuery query = firstPage.withUpdatedSince(cursor.updatedSince());
        int delivered = 0;
        int requests = 0;
        while (running.getAsBoolean()) {
            requests++;
            VelaroPage<T> page = await(resource.list(api, query)).body();
            List<T> items = checked(page, query);
            for (T item : items) {
                if (!running.getAsBoolean()) {
                    return new Outcome(delivered, requests, cursor, false);
                }
                String id = resource.id(item);
                Instant updatedAt = resource.updatedAt(item);
                if (cursor.covers(id, updatedAt)) {
                    continue;
                }
                if (!delivery.deliver(item)) {
                    return new Outcome(delivered, requests, cursor, true);
                }
                cursor = cursor.after(id, updatedAt);
                commit.accept(cursor);
                delivered++;
            }
            if (!hasMore(page, items, query)) {
                break;
            }
            ListQuery next = next(query, items, cursor);
            if (next.equals(query)) {
                // only a server ignoring updatedSince gets here; asking again would loop
                LOG.warn("Velaro returned a full page of {}s at or before updatedSince={} that were all delivered before; "
                         + "stopping this poll instead of asking for the same page again", resource.noun(),
                        query.updatedSince());
                break;
            }
            query = next;
        }
        return new Outcome(delivered, requests, cursor, false);
    }

    private static boolean hasMore(VelaroPage<?> page, List<?> items, ListQuery query) {
        if (items.isEmpty()) {
            return false;
        }
        // trust hasMore when Velaro sends it; a full page is the sign of more otherwise
        return page.getHasMore() != null ? page.hasMore() : items.size() >= query.pageSize();
    }

    /** The request after a page whose every item was delivered or already covered. */
    private ListQuery next(ListQuery query, List<T> items, PollCursor cursor) {
        Instant boundary = cursor.updatedSince();
        boolean wholePageAtBoundary = resource.updatedAt(items.get(0)).equals(boundary)
                                      && resource.updatedAt(items.get(items.size() - 1)).equals(boundary);
        if (!wholePageAtBoundary) {
            return query.withUpdatedSince(boundary).withPage(1);
        }
        // Asking from the boundary again would return this very page: step through the items sharing that instant
        // by page number. When this page started the run of items at the boundary, it is page 1 of it.
        int pageWithinBoundary = boundary.equals(query.updatedSince()) ? query.page() : 1;
        return query.withUpdatedSince(boundary).withPage(pageWithinBoundary + 1);
    }

    /** The page's items, refused as a whole when one could not be tracked or they are out of order. */
    private List<T> checked(VelaroPage<T> page, ListQuery query) {
        List<T> items = page.getData();
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
        return items;
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
