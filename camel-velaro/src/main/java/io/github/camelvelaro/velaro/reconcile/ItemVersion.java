package io.github.camelvelaro.velaro.reconcile;

import java.time.Instant;
import java.util.Objects;

import io.github.camelvelaro.velaro.VelaroResource;
import io.github.camelvelaro.velaro.model.Contact;
import io.github.camelvelaro.velaro.model.Conversation;
import io.github.camelvelaro.velaro.model.VelaroEvent;

/**
 * One version of a conversation or contact: its id and its {@code updatedAt}. Velaro moves {@code updatedAt} with
 * every change, so the pair names what a route received, whichever channel brought it.
 *
 * @param resource  {@link VelaroResource#CONVERSATIONS} or {@link VelaroResource#CONTACTS}
 * @param id        the item's id
 * @param updatedAt the version's {@code updatedAt}
 */
public record ItemVersion(VelaroResource resource, String id, Instant updatedAt) {

    public ItemVersion {
        Objects.requireNonNull(resource, "resource");
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(updatedAt, "updatedAt");
    }

    /**
     * The version a model is, or carries: a polled {@link Conversation} or {@link Contact}, or the data of a webhook
     * {@link VelaroEvent}.
     * <p>
     * ASSUMPTION (docs/assumptions.md): the {@code updatedAt} in a webhook event's data is the {@code updatedAt} the
     * API lists for that same version (one field, one clock), so that the event and the poll name a version alike.
     *
     * @return the version, or null when the model has no id or no {@code updatedAt} (it is then passed on as before,
     *         neither skipped nor remembered)
     */
    public static ItemVersion of(Object model) {
        Object item = model instanceof VelaroEvent event ? event.getData() : model;
        if (item instanceof Conversation c) {
            return of(VelaroResource.CONVERSATIONS, c.getId(), c.getUpdatedAt());
        }
        if (item instanceof Contact c) {
            return of(VelaroResource.CONTACTS, c.getId(), c.getUpdatedAt());
        }
        return null;
    }

    private static ItemVersion of(VelaroResource resource, String id, Instant updatedAt) {
        return id == null || id.isBlank() || updatedAt == null ? null : new ItemVersion(resource, id, updatedAt);
    }

    /** e.g. {@code conversation c_42@2026-11-27T10:15:30Z}, for log lines. */
    @Override
    public String toString() {
        return (resource == VelaroResource.CONTACTS ? "contact " : "conversation ") + id + "@" + updatedAt;
    }
}
