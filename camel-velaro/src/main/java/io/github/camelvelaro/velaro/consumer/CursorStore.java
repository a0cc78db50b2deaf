package io.github.camelvelaro.velaro.consumer;

import io.github.camelvelaro.velaro.VelaroResource;
import org.apache.camel.spi.StateRepository;

/**
 * A poller's cursor in the {@code offsetRepository}, under a key of its own.
 * <p>
 * The key names the resource and the {@code status} filter, because pollers with different filters see different
 * item sequences and so need different cursors even when they share one repository. It deliberately leaves out the
 * API key (a rotated key must not restart polling) and {@code startFrom} (which only applies when nothing is
 * stored). It contains no {@code =} or newline, which {@code FileStateRepository} refuses in keys.
 */
final class CursorStore {

    private final StateRepository<String, String> repository;
    private final String key;

    CursorStore(StateRepository<String, String> repository, VelaroResource resource, String status) {
        this.repository = repository;
        this.key = key(resource, status);
    }

    /** e.g. {@code velaro:conversations} or {@code velaro:conversations:status:open}. */
    static String key(VelaroResource resource, String status) {
        return "velaro:" + resource.uriName() + (status == null ? "" : ":status:" + status);
    }

    /** The stored cursor, or null when this poller has none yet. */
    PollCursor load() {
        String text = repository.getState(key);
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return PollCursor.decode(text.trim());
        } catch (IllegalArgumentException e) {
            // refusing is safer than starting over, which would silently skip or repeat items
            throw new IllegalStateException("The offset stored under key " + key + " in offsetRepository is not a Velaro "
                                            + "poll cursor (" + e.getMessage() + "); fix or remove that entry", e);
        }
    }

    void save(PollCursor cursor) {
        repository.setState(key, cursor.encode());
    }

    String key() {
        return key;
    }
}
