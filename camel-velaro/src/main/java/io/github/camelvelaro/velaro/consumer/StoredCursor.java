package io.github.camelvelaro.velaro.consumer;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.json.JsonWriteFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.camelvelaro.velaro.model.VelaroJson;

/**
 * A cursor as the {@code offsetRepository} holds it: one line of JSON with the key that wrote it, e.g.
 * {@code {"v":2,"owner":{"key":"3f…","masked":"vlk_…abcd"},"updatedSince":"…","ids":["c_1"],"ahead":[]}}.
 * <p>
 * The line is ASCII (other characters are escaped) and has no newline: {@code FileStateRepository} writes and reads
 * its file in the platform charset and splits it at newlines. Version 1 (no owner, no ahead items) is still read.
 *
 * @param cursor the cursor
 * @param owner  the key that wrote it, or null for a version 1 value
 */
record StoredCursor(PollCursor cursor, CursorOwner owner) {

    /** The component's one mapper; the line is written ASCII-only. */
    private static final ObjectMapper JSON = VelaroJson.mapper();
    private static final ObjectWriter ASCII = JSON.writer().with(JsonWriteFeature.ESCAPE_NON_ASCII);
    private static final int FORMAT_VERSION = 2;

    String encode() {
        ObjectNode root = JSON.createObjectNode();
        root.put("v", FORMAT_VERSION);
        ObjectNode writer = root.putObject("owner");
        writer.put("key", owner.fingerprint());
        writer.put("masked", owner.maskedKey());
        root.put("updatedSince", cursor.updatedSince().toString());
        ArrayNode ids = root.putArray("ids");
        cursor.idsAtBoundary().forEach(ids::add);
        ArrayNode ahead = root.putArray("ahead");
        cursor.deliveredAhead().forEach((id, at) -> ahead.addObject().put("id", id).put("updatedAt", at.toString()));
        try {
            return ASCII.writeValueAsString(root);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write a cursor", e);
        }
    }

    /**
     * Reads what {@link #encode()} wrote, or a version 1 value.
     *
     * @throws IllegalArgumentException when the text is not a cursor; the caller names where it came from
     */
    static StoredCursor decode(String text) {
        try {
            JsonNode root = JSON.readTree(text);
            int version = root == null || !root.isObject() ? 0 : root.path("v").asInt();
            if (version < 1 || version > FORMAT_VERSION || !root.path("updatedSince").isTextual()
                    || !root.path("ids").isArray()
                    || version == 2 && (!root.path("owner").path("key").isTextual()
                                        || !root.path("owner").path("masked").isTextual())) {
                throw new IllegalArgumentException("expected {\"v\":" + FORMAT_VERSION + ",\"owner\":{…},"
                                                   + "\"updatedSince\":\"<instant>\",\"ids\":[…],\"ahead\":[…]}");
            }
            Set<String> ids = new LinkedHashSet<>();
            root.get("ids").forEach(id -> ids.add(id.asText()));
            Map<String, Instant> ahead = new LinkedHashMap<>();
            for (JsonNode item : root.path("ahead")) {
                ahead.put(item.path("id").asText(), Instant.parse(item.path("updatedAt").asText()));
            }
            PollCursor cursor = new PollCursor(Instant.parse(root.get("updatedSince").asText()), ids, ahead);
            CursorOwner owner = version == 1 ? null
                    : new CursorOwner(root.get("owner").get("key").asText(), root.get("owner").get("masked").asText());
            return new StoredCursor(cursor, owner);
        } catch (JsonProcessingException | DateTimeParseException e) {
            throw new IllegalArgumentException(e.getMessage(), e);
        }
    }
}
