package io.github.camelvelaro.example.quarkus;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import io.github.camelvelaro.velaro.model.Conversation;
import jakarta.enterprise.context.ApplicationScoped;

/** The latest status of every conversation the poller has delivered. */
@ApplicationScoped
public class ConversationTally {

    private final Map<String, String> latest = new ConcurrentHashMap<>();

    void record(Conversation conversation) {
        latest.put(conversation.getId(), conversation.getStatus());
    }

    /** The status last polled for a conversation, or null when the poller has not seen it. */
    public String statusOf(String conversationId) {
        return latest.get(conversationId);
    }
}
