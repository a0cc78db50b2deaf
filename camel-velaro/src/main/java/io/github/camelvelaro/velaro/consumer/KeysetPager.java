package io.github.camelvelaro.velaro.consumer;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;

import io.github.camelvelaro.velaro.client.ListQuery;
import io.github.camelvelaro.velaro.client.VelaroApi;
import io.github.camelvelaro.velaro.exception.VelaroException;
import io.github.camelvelaro.velaro.exception.VelaroMalformedResponseException;
import io.github.camelvelaro.velaro.client.VelaroClient;
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
 * <p>
 * An item stamped beyond {@linkplain ServerPresent Velaro's present} is delivered, but remembered in the cursor
 * instead of moving its boundary there. Such items sort last, so once one is read everything after it is beyond the
 * present too: paging goes on by key from the last item read rather than from the cursor, which did not move.
 * <p>
 * No call waits for Velaro on the poller's thread: when an answer is not there as the request returns (it waits for
 * the rate governor or a retry), the drain ends there, with the cursor at the last committed item, and the request is
 * kept. The next drain asks the same question from the same cursor and takes the kept answer instead of sending again.
 * So a thousand pollers run on a few shared threads even when one key's limit makes their requests wait.
 *
 * @param <T> the item type
 */
final class KeysetPager<T> {

    private static final Logger LOG = LoggerFactory.getLogger(KeysetPager.class);

    /** How often one poll reads a changing run again before leaving it to the next poll. */
    static final int MAX_RUN_RESTARTS = 3;

    /** What became of an item handed to the delivery. */
    enum Result {
        /** Its exchange completed without an exception: the cursor moves past it. */
        DELIVERED,
        /**
         * Not routed: it failed again and is given up, or its reconcile group received it already. The cursor moves
         * past it all the same.
         */
        SKIPPED,
        /** Its exchange failed: the poll ends before it. */
        FAILED
    }

    /** Receives one item, with the two fields the cursor is made of. */
    interface Delivery<T> {
        Result deliver(T item, String id, Instant updatedAt);
    }

    /**
     * @param delivered        items delivered (and committed)
     * @param requests         requests sent
     * @param cursor           the cursor after the last committed item
     * @param stoppedByFailure whether a delivery failed, which ends the poll before the failed item
     * @param waiting          whether the drain ended at a request whose answer is still to come
     */
    record Outcome(int delivered, int requests, PollCursor cursor, boolean stoppedByFailure, boolean waiting) {
    }

    /** A request's answer is not there yet; the drain ends without waiting for it. */
    static final class AnswerPending extends RuntimeException {
        private static final long serialVersionUID = 1L;

        AnswerPending() {
            super("The answer is still to come", null, false, false);
        }
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
    private final Clock clock;
    private final Duration futureTolerance;
    private final Duration grace;
    /** Every request this pager sent, whatever became of it: what polling costs, for the health details. */
    private final AtomicLong requestsSent = new AtomicLong();
    /** The request a drain ended at, and its question: the next drain asking the same takes its answer. */
    private ListQuery pendingQuery;
    private CompletableFuture<VelaroResponse<VelaroPage<T>>> pending;

    /**
     * @param firstPage       page 1 with the page size and filters; {@code updatedSince} is set from the cursor
     * @param running         false once the consumer is stopping or suspended: no new page or item is started then
     * @param clock           the present when Velaro sends no {@code Date} header
     * @param futureTolerance how far past Velaro's present an item still counts as present
     * @param grace           a drain stops before the first item changed less than this before Velaro's present,
     *                        leaving it (and all later ones) to a later poll; zero for none
     */
    KeysetPager(VelaroApi api, PolledResource<T> resource, ListQuery firstPage, BooleanSupplier running, Clock clock,
                Duration futureTolerance, Duration grace) {
        this.api = api;
        this.resource = resource;
        this.firstPage = firstPage;
        this.running = running;
        this.clock = clock;
        this.futureTolerance = futureTolerance;
        this.grace = grace;
    }

    /**
     * Velaro's clock, from the {@code Date} header of a one-item request: where {@code startFrom=now} starts.
     *
     * @return the server's time, or null when it sent no usable {@code Date}
     * @throws AnswerPending when Velaro's answer is still to come; ask again later
     */
    Instant serverNow() throws InterruptedException {
        return await(call(new ListQuery(1, 1, null, firstPage.status(), firstPage.email()))).serverDate();
    }

    /**
     * Sends a list request, or takes up the one the last drain ended at when it asked the same; returns it answered.
     *
     * @throws AnswerPending when the answer is still to come: the request is kept for the next drain
     */
    private CompletableFuture<VelaroResponse<VelaroPage<T>>> call(ListQuery query) {
        CompletableFuture<VelaroResponse<VelaroPage<T>>> call;
        if (pending != null && query.equals(pendingQuery)) {
            call = pending;
        } else {
            // a different question (the consumer stops, or a run is read again): the old answer is not wanted
            dropPending();
            requestsSent.incrementAndGet();
            call = resource.list(api, query);
        }
        if (!call.isDone()) {
            pending = call;
            pendingQuery = query;
            throw new AnswerPending();
        }
        pending = null;
        pendingQuery = null;
        return call;
    }

    /** Forgets the request a drain ended at; the consumer calls it when it stops. */
    void dropPending() {
        if (pending != null) {
            pending.cancel(true);
            pending = null;
            pendingQuery = null;
        }
    }

    /**
     * Delivers everything after {@code start}, page after page while Velaro reports more, until done, stopped, or a
     * delivery fails.
     *
     * @param commit called with the new cursor after each successful delivery, before the next one starts
     */
    Outcome drain(PollCursor start, Delivery<T> delivery, Consumer<PollCursor> commit) throws InterruptedException {
        Drain drain = new Drain(start, delivery, commit);
        boolean waiting = false;
        try {
            drain.run();
        } catch (AnswerPending e) {
            waiting = true;
        }
        return new Outcome(drain.delivered, drain.requests, drain.cursor, drain.failed, waiting);
    }

    /** One drain: the cursor it moves and what it counts. */
    private final class Drain {

        private final Delivery<T> delivery;
        private final Consumer<PollCursor> commit;
        private PollCursor cursor;
        private int delivered;
        private int requests;
        private boolean failed;
        /** Velaro's present at the first response of this drain; one for the whole drain, so items are judged alike. */
        private ServerPresent present;
        /** The {@code updatedAt} of the last item of the last page read. */
        private Instant lastRead;

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
                if (present.isBeyond(lastRead)) {
                    walkAhead();
                    return;
                }
                Instant boundary = cursor.updatedSince();
                if (allAt(items, boundary)) {
                    // page 1 from at most the boundary, all at it: these are the first items of the run there
                    if (walkRun(boundary, ids(items)) != RunEnd.PAST_IT) {
                        return;
                    }
                    if (present.isBeyond(lastRead)) {
                        walkAhead();
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

        /**
         * Reads on past the items stamped beyond Velaro's present, by key from the last one read: they did not move
         * the cursor, so asking from the cursor again would return the same page. Everything after them is beyond
         * the present too, so this ends the poll.
         */
        private void walkAhead() throws InterruptedException {
            Instant probe = lastRead;
            while (running.getAsBoolean()) {
                ListQuery query = firstPage.withUpdatedSince(probe);
                VelaroPage<T> page = fetch(query);
                List<T> items = page.getData();
                if (!deliverFrom(items, 0) || !hasMore(page, items, query)) {
                    return;
                }
                if (!lastRead.isAfter(probe)) {
                    LOG.warn("Velaro lists a full page of {}s all stamped {}, beyond its present {}; those after this page "
                             + "are delivered once Velaro's clock reaches them", resource.noun(), probe, present);
                    return;
                }
                probe = lastRead;
            }
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
                    if (cursor.isDeliveredAhead(id, updatedAt) && present.hasReached(updatedAt)) {
                        // Velaro's clock has reached an item delivered ahead of it: the boundary may move there now
                        advance(cursor.after(id, updatedAt));
                    }
                    continue;
                }
                if (present.isWithin(grace, updatedAt)) {
                    // reconcileGrace: too recent to tell whether its webhook is lost; the items after it are newer
                    return false;
                }
                boolean ahead = present.isBeyond(updatedAt);
                if (ahead && !cursor.canRememberAhead(id)) {
                    throw new IllegalStateException("Velaro lists more than " + PollCursor.MAX_AHEAD + " " + resource.noun()
                                                    + "s stamped beyond its present " + present + ", the latest "
                                                    + resource.noun() + " " + id + " at " + updatedAt + ". The poller "
                                                    + "remembers at most " + PollCursor.MAX_AHEAD + " such items and "
                                                    + "delivers no more of them until Velaro's clock reaches them. "
                                                    + "Velaro's clock (or this host's, when Velaro sends no Date header) "
                                                    + "looks wrong; a larger futureTolerance treats them as present");
                }
                Result result = delivery.deliver(item, id, updatedAt);
                if (result == Result.FAILED) {
                    failed = true;
                    return false;
                }
                advance(ahead ? cursor.afterAhead(id, updatedAt) : cursor.after(id, updatedAt));
                if (result == Result.DELIVERED) {
                    delivered++;
                }
                if (ahead) {
                    LOG.warn("{} {} is stamped {}, beyond Velaro's present {}: it is delivered, but the offset stays at {} "
                             + "so that later changes are not skipped", resource.capitalNoun(), id, updatedAt,
                            present, cursor.updatedSince());
                }
            }
            return true;
        }

        private void advance(PollCursor next) {
            cursor = next;
            commit.accept(next);
        }

        private VelaroPage<T> fetch(ListQuery query) throws InterruptedException {
            requests++;
            VelaroResponse<VelaroPage<T>> response = await(call(query));
            VelaroPage<T> page = response.body();
            checkItems(page.getData(), query);
            if (present == null) {
                present = ServerPresent.of(response.serverDate(), clock, futureTolerance);
            }
            if (!page.getData().isEmpty()) {
                lastRead = resource.updatedAt(page.getData().get(page.getData().size() - 1));
            }
            return page;
        }
    }

    /** Requests sent since this pager was made, failed ones included. */
    long requestsSent() {
        return requestsSent.get();
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
            Throwable cause = VelaroClient.unwrap(e);
            if (cause instanceof RuntimeException re) {
                throw re;
            }
            throw new VelaroException("Listing failed: " + cause, 0, null, cause);
        }
    }
}
