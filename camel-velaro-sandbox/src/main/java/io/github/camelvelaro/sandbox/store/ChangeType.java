package io.github.camelvelaro.sandbox.store;

/**
 * The changes the store announces, named as the webhook event types of {@code webhooks.md}.
 * <p>
 * A conversation that is abandoned, or that only gets a new message, changes its {@code updatedAt} (pollers see it)
 * but has no event type of its own in the contract, so no event is sent for it.
 */
public enum ChangeType {
    CONVERSATION_CREATED("conversation.created"),
    CONVERSATION_ASSIGNED("conversation.assigned"),
    CONVERSATION_RESOLVED("conversation.resolved"),
    CONVERSATION_MISSED("conversation.missed"),
    CONTACT_CREATED("contact.created"),
    CONTACT_UPDATED("contact.updated");

    private final String eventType;

    ChangeType(String eventType) {
        this.eventType = eventType;
    }

    /** e.g. {@code conversation.resolved}. */
    public String eventType() {
        return eventType;
    }
}
