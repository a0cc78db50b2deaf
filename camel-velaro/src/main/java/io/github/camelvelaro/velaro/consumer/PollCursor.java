package io.github.camelvelaro.velaro.consumer;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.Objects;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Where a poller stands: the {@code updatedAt} of the last item it delivered (its boundary) and the ids it has
 * delivered at exactly that instant.
 * <p>
 * Velaro's {@code updatedSince} is inclusive, so the next request returns the boundary items again; the ids say
 * which of them were already delivered. An id seen at the boundary but changed since comes back with a later
 * {@code updatedAt} and is delivered again, as an update. Both values come from Velaro's data, never from the local
 * clock.
 *
 * @param updatedSince  the boundary instant, sent as {@code updatedSince}
 * @param idsAtBoundary ids already delivered whose {@code updatedAt} equals the boundary
 */
public record PollCursor(Instant updatedSince, Set<String> idsAtBoundary) {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int FORMAT_VERSION = 1;

    public PollCursor {
        Objects.requireNonNull(updatedSince, "updatedSince");
        idsAtBoundary = Collections.unmodifiableSet(new LinkedHashSet<>(idsAtBoundary));
    }

    /** A cursor at an instant with nothing delivered there yet. */
    public static PollCursor at(Instant instant) {
        return new PollCursor(instant, Set.of());
    }

    /** Whether the item with this id and {@code updatedAt} is behind the cursor (delivered, or older than the start). */
    public boolean covers(String id, Instant updatedAt) {
        int c = updatedAt.compareTo(updatedSince);
        return c < 0 || c == 0 && idsAtBoundary.contains(id);
    }

    /** The cursor after delivering this item, which must not be {@linkplain #covers covered}. */
    public PollCursor after(String id, Instant updatedAt) {
        if (updatedAt.isAfter(updatedSince)) {
            return new PollCursor(updatedAt, Set.of(id));
        }
        Set<String> ids = new LinkedHashSet<>(idsAtBoundary);
        ids.add(id);
        return new PollCursor(updatedSince, ids);
    }

    /** One line of JSON (no newline, as file-based repositories require), e.g. {@code {"v":1,"updatedSince":"…","ids":["c_1"]}}. */
    public String encode() {
        ObjectNode root = JSON.createObjectNode();
        root.put("v", FORMAT_VERSION);
        root.put("updatedSince", updatedSince.toString());
        ArrayNode ids = root.putArray("ids");
        idsAtBoundary.forEach(ids::add);
        return root.toString();
    }

    /**
     * Reads what {@link #encode()} wrote.
     *
     * @throws IllegalArgumentException when the text is not a cursor; the caller names where it came from
     */
    public static PollCursor decode(String text) {
        try {
            JsonNode root = JSON.readTree(text);
            if (root == null || !root.isObject() || root.path("v").asInt() != FORMAT_VERSION
                    || !root.path("updatedSince").isTextual() || !root.path("ids").isArray()) {
                throw new IllegalArgumentException("expected {\"v\":" + FORMAT_VERSION
                                                   + ",\"updatedSince\":\"<instant>\",\"ids\":[…]}");
            }
            Set<String> ids = new LinkedHashSet<>();
            root.get("ids").forEach(id -> ids.add(id.asText()));
            return new PollCursor(Instant.parse(root.get("updatedSince").asText()), ids);
        } catch (com.fasterxml.jackson.core.JsonProcessingException | DateTimeParseException e) {
            throw new IllegalArgumentException(e.getMessage(), e);
        }
    }

    /** For logs and health details: the instant and how many ids are remembered there (ids are not secret, just long). */
    @Override
    public String toString() {
        return updatedSince + " (+" + idsAtBoundary.size() + " delivered at that instant)";
    }
}
