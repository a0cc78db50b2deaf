package io.github.camelvelaro.velaro.webhook;

import java.io.IOException;
import java.util.Set;

import io.github.camelvelaro.velaro.VelaroMessages;
import io.github.camelvelaro.velaro.model.VelaroEvent;
import org.apache.camel.Message;

/** Velaro webhook events ({@code webhook:velaro:events}): a {@link VelaroEvent} with its data typed. */
final class EventPayload implements WebhookPayload<VelaroEvent> {

    private final Set<String> eventTypes;

    /** @param eventTypes the types passed on; empty for all */
    EventPayload(Set<String> eventTypes) {
        this.eventTypes = Set.copyOf(eventTypes);
    }

    @Override
    public VelaroEvent parse(byte[] body) throws IOException {
        return WebhookPayload.readObject(body, VelaroEvent.class);
    }

    @Override
    public boolean wanted(VelaroEvent event) {
        return eventTypes.isEmpty() || eventTypes.contains(event.getType());
    }

    /** The {@code webhook-id} (the signed event id); an unsigned delivery without one falls back to the body's id. */
    @Override
    public String deduplicationKey(VelaroEvent event, String webhookId) {
        return webhookId != null && !webhookId.isBlank() ? webhookId : event.getId();
    }

    @Override
    public void fill(Message message, VelaroEvent event) {
        VelaroMessages.setEvent(message, event);
    }

    @Override
    public String describe(VelaroEvent event) {
        return "event " + event.getId() + " (" + event.getType() + ")";
    }
}
