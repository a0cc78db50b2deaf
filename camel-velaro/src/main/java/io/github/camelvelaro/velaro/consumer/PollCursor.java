package io.github.camelvelaro.velaro.consumer;

import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Where a poller stands: the {@code updatedAt} of the last item it delivered (its boundary), the ids it has delivered
 * at exactly that instant, and the items it delivered although they were stamped beyond Velaro's present.
 * <p>
 * Velaro's {@code updatedSince} is inclusive, so the next request returns the boundary items again; the ids say
 * which of them were already delivered. An id seen at the boundary but changed since comes back with a later
 * {@code updatedAt} and is delivered again, as an update. Both values come from Velaro's data, never from the local
 * clock.
 * <p>
 * An item stamped in the future does not move the boundary (every change made before that date would be skipped);
 * it is remembered with its {@code updatedAt} instead, so that it is not delivered again while it keeps coming back
 * at the end of every listing, and forgotten once the boundary reaches it or a newer version of it is delivered.
 *
 * @param updatedSince   the boundary instant, sent as {@code updatedSince}
 * @param idsAtBoundary  ids already delivered whose {@code updatedAt} equals the boundary
 * @param deliveredAhead id to {@code updatedAt} of items delivered while stamped beyond Velaro's present, all after
 *                       the boundary
 */
public record PollCursor(Instant updatedSince, Set<String> idsAtBoundary, Map<String, Instant> deliveredAhead) {

    /**
     * How many items stamped in the future a cursor remembers. It is written after every delivered item, so it stays
     * small; more such items at once mean a clock is wrong rather than a few items mis-stamped.
     */
    public static final int MAX_AHEAD = 100;

    public PollCursor {
        Objects.requireNonNull(updatedSince, "updatedSince");
        idsAtBoundary = Collections.unmodifiableSet(new LinkedHashSet<>(idsAtBoundary));
        deliveredAhead = Collections.unmodifiableMap(new LinkedHashMap<>(deliveredAhead));
    }

    public PollCursor(Instant updatedSince, Set<String> idsAtBoundary) {
        this(updatedSince, idsAtBoundary, Map.of());
    }

    /** A cursor at an instant with nothing delivered there yet. */
    public static PollCursor at(Instant instant) {
        return new PollCursor(instant, Set.of());
    }

    /** Whether the item with this id and {@code updatedAt} is behind the cursor (delivered, or older than the start). */
    public boolean covers(String id, Instant updatedAt) {
        int c = updatedAt.compareTo(updatedSince);
        return c < 0 || c == 0 && idsAtBoundary.contains(id) || isDeliveredAhead(id, updatedAt);
    }

    /** Whether this very version of the item was delivered while stamped beyond Velaro's present. */
    public boolean isDeliveredAhead(String id, Instant updatedAt) {
        return updatedAt.equals(deliveredAhead.get(id));
    }

    /**
     * The cursor after delivering this item, which is at or after the boundary: the boundary moves to it. Remembered
     * future items it passes are forgotten (Velaro no longer lists them from the new boundary); those at its instant
     * join the ids delivered there.
     */
    public PollCursor after(String id, Instant updatedAt) {
        Map<String, Instant> ahead = new LinkedHashMap<>(deliveredAhead);
        ahead.remove(id);
        if (updatedAt.isAfter(updatedSince)) {
            Set<String> ids = new LinkedHashSet<>();
            ids.add(id);
            ahead.entrySet().removeIf(e -> {
                int c = e.getValue().compareTo(updatedAt);
                if (c == 0) {
                    ids.add(e.getKey());
                }
                return c <= 0;
            });
            return new PollCursor(updatedAt, ids, ahead);
        }
        Set<String> ids = new LinkedHashSet<>(idsAtBoundary);
        ids.add(id);
        return new PollCursor(updatedSince, ids, ahead);
    }

    /** The cursor after delivering an item stamped beyond Velaro's present: the boundary stays, the item is remembered. */
    public PollCursor afterAhead(String id, Instant updatedAt) {
        if (!updatedAt.isAfter(updatedSince)) {
            return after(id, updatedAt);
        }
        if (!canRememberAhead(id)) {
            throw new IllegalStateException("a cursor remembers at most " + MAX_AHEAD + " items stamped in the future");
        }
        Map<String, Instant> ahead = new LinkedHashMap<>(deliveredAhead);
        ahead.put(id, updatedAt);
        return new PollCursor(updatedSince, idsAtBoundary, ahead);
    }

    /** Whether {@link #afterAhead} has room for this item (a newer version of a remembered one takes its place). */
    public boolean canRememberAhead(String id) {
        return deliveredAhead.size() < MAX_AHEAD || deliveredAhead.containsKey(id);
    }

    /** For logs and health details: the instant and how many ids are remembered (ids are not secret, just long). */
    @Override
    public String toString() {
        return updatedSince + " (+" + idsAtBoundary.size() + " delivered at that instant"
               + (deliveredAhead.isEmpty() ? "" : ", +" + deliveredAhead.size() + " stamped in the future") + ")";
    }
}
