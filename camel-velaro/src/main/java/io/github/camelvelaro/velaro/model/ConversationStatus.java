package io.github.camelvelaro.velaro.model;

import java.util.Locale;

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

    @Override
    public String toString() {
        return wireValue();
    }
}
