package io.github.camelvelaro.sandbox.store;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.github.camelvelaro.velaro.model.Conversation;
import io.github.camelvelaro.velaro.model.ConversationStatus;
import io.github.camelvelaro.velaro.model.Transcript;
import io.github.camelvelaro.velaro.model.TranscriptMessage;
import io.github.camelvelaro.velaro.model.TranscriptParticipant;

/** A conversation as the store keeps it: its fields and its messages. Guarded by the store's lock. */
final class StoredConversation {

    final String id;
    final Instant createdAt;
    final String channel;
    final String visitorName;
    final String visitorEmail;
    final String contactId;
    final Map<String, Object> customData;
    ConversationStatus status = ConversationStatus.OPEN;
    String assignedAgent;
    Instant updatedAt;
    Instant resolvedAt;
    final List<TranscriptMessage> messages = new ArrayList<>();
    final List<TranscriptParticipant> participants = new ArrayList<>();

    StoredConversation(String id, Instant createdAt, String channel, String visitorName, String visitorEmail,
                       String contactId, Map<String, Object> customData) {
        this.id = id;
        this.createdAt = createdAt;
        this.updatedAt = createdAt;
        this.channel = channel;
        this.visitorName = visitorName;
        this.visitorEmail = visitorEmail;
        this.contactId = contactId;
        this.customData = CustomData.copy(customData);
    }

    /** Records a change made at {@code now}. */
    void touch(Instant now) {
        updatedAt = Timestamps.next(updatedAt, now);
    }

    /** A fresh model of the current state, safe to hand out. */
    Conversation toModel() {
        Conversation c = new Conversation();
        c.setId(id);
        c.setStatus(status.wireValue());
        c.setChannel(channel);
        c.setVisitorName(visitorName);
        c.setVisitorEmail(visitorEmail);
        c.setContactId(contactId);
        c.setAssignedAgent(assignedAgent);
        c.setCreatedAt(createdAt);
        c.setUpdatedAt(updatedAt);
        c.setResolvedAt(resolvedAt);
        c.setCustomData(CustomData.copy(customData));
        return c;
    }

    Transcript toTranscript() {
        Transcript t = new Transcript();
        t.setConversationId(id);
        t.setStartedAt(createdAt);
        t.setEndedAt(updatedAt);
        t.setChannel(channel);
        t.setParticipants(participants.stream().map(p -> new TranscriptParticipant(p.getName(), p.getRole()))
                .toList());
        t.setMessages(messages.stream()
                .map(m -> new TranscriptMessage(m.getAuthor(), m.getRole(), m.getText(), m.getSentAt())).toList());
        return t;
    }

    void addParticipant(String name, String role) {
        boolean known = participants.stream().anyMatch(p -> p.getName().equals(name) && p.getRole().equals(role));
        if (!known) {
            participants.add(new TranscriptParticipant(name, role));
        }
    }
}
