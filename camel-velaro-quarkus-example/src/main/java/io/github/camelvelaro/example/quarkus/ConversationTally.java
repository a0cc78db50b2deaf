package io.github.camelvelaro.example.quarkus;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import io.github.camelvelaro.velaro.model.Conversation;
import jakarta.enterprise.context.ApplicationScoped;

/** The latest status of every conversation the poller has delivered, and the webhook events received by type. */
@ApplicationScoped
public class ConversationTally {

    private final Map<String, String> latest = new ConcurrentHashMap<>();
    private final Map<String, Integer> events = new ConcurrentHashMap<>();

    void record(Conversation conversation) {
        latest.put(conversation.getId(), conversation.getStatus());
    }

    void recordEvent(String type) {
        events.merge(type, 1, Integer::sum);
    }

    /** How many webhook events of a type (e.g. {@code conversation.created}) have been received. */
    public int eventsOf(String type) {
        return events.getOrDefault(type, 0);
    }

    /** The status last polled for a conversation, or null when the poller has not seen it. */
    public String statusOf(String conversationId) {
        return latest.get(conversationId);
    }
}
