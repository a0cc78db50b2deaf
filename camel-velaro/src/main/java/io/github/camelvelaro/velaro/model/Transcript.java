package io.github.camelvelaro.velaro.model;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * A finished conversation's transcript as Velaro's Transcript Storage POSTs it to a custom HTTPS webhook.
 * <p>
 * The help centre documents the fields {@code conversationId}, {@code startedAt}, {@code endedAt}, {@code channel},
 * {@code participants} (name and role) and {@code messages}. ASSUMPTION: the fields of each message
 * ({@link TranscriptMessage}); unknown fields are kept everywhere.
 */
public class Transcript extends VelaroModel {

    private String conversationId;
    @IsoInstant
    private Instant startedAt;
    @IsoInstant
    private Instant endedAt;
    private String channel;
    private List<TranscriptParticipant> participants = new ArrayList<>();
    private List<TranscriptMessage> messages = new ArrayList<>();

    public String getConversationId() {
        return conversationId;
    }

    public void setConversationId(String conversationId) {
        this.conversationId = conversationId;
    }

    public Instant getStartedAt() {
        return startedAt;
    }

    public void setStartedAt(Instant startedAt) {
        this.startedAt = startedAt;
    }

    public Instant getEndedAt() {
        return endedAt;
    }

    public void setEndedAt(Instant endedAt) {
        this.endedAt = endedAt;
    }

    public String getChannel() {
        return channel;
    }

    public void setChannel(String channel) {
        this.channel = channel;
    }

    public List<TranscriptParticipant> getParticipants() {
        return participants;
    }

    public void setParticipants(List<TranscriptParticipant> participants) {
        this.participants = participants == null ? new ArrayList<>() : participants;
    }

    public List<TranscriptMessage> getMessages() {
        return messages;
    }

    public void setMessages(List<TranscriptMessage> messages) {
        this.messages = messages == null ? new ArrayList<>() : messages;
    }
}
