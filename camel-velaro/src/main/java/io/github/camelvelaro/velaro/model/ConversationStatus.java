package io.github.camelvelaro.velaro.model;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/**
 * Conversation outcomes as Velaro reports them.
 * <p>
 * ASSUMPTION (openapi.yaml, x-source: assumed): the wire values are the lower-case outcome names of Velaro's
 * reporting (Open / Resolved / Missed / Abandoned). {@link Conversation#getStatus()} stays a String so that a status
 * Velaro adds later is passed on instead of failing.
 */
public enum ConversationStatus {
    OPEN,
    RESOLVED,
    MISSED,
    ABANDONED;

    /** The value on the wire, e.g. {@code resolved}. */
    public String wireValue() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The status with this wire value (case-insensitive), if it is one we know. */
    public static Optional<ConversationStatus> fromWire(String value) {
        if (value == null) {
            return Optional.empty();
        }
        return Arrays.stream(values()).filter(s -> s.wireValue().equalsIgnoreCase(value.trim())).findFirst();
    }
}
