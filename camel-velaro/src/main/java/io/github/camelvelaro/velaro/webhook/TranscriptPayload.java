package io.github.camelvelaro.velaro.webhook;

import java.io.IOException;

import io.github.camelvelaro.velaro.VelaroMessages;
import io.github.camelvelaro.velaro.model.Transcript;
import org.apache.camel.Message;

/** Transcript Storage deliveries ({@code webhook:velaro:transcripts}): one {@link Transcript} per ended conversation. */
final class TranscriptPayload implements WebhookPayload<Transcript> {

    /** Keeps transcript keys apart from event ids when one repository serves both consumers. */
    static final String KEY_PREFIX = "transcript:";

    @Override
    public Transcript parse(byte[] body) throws IOException {
        return WebhookPayload.readObject(body, Transcript.class);
    }

    @Override
    public boolean wanted(Transcript transcript) {
        return true;
    }

    /**
     * The {@code webhook-id} when the delivery carries one (signed deliveries). Velaro documents no id for
     * transcripts, so otherwise the conversation and the time it ended: a redelivery repeats both, while a conversation
     * that is reopened and ends again produces a new transcript that must not be dropped.
     */
    @Override
    public String deduplicationKey(Transcript transcript, String webhookId) {
        if (webhookId != null && !webhookId.isBlank()) {
            return webhookId;
        }
        if (transcript.getConversationId() == null) {
            return null;
        }
        return KEY_PREFIX + transcript.getConversationId()
               + (transcript.getEndedAt() == null ? "" : "@" + transcript.getEndedAt());
    }

    @Override
    public void fill(Message message, Transcript transcript) {
        VelaroMessages.setTranscript(message, transcript);
    }

    @Override
    public String describe(Transcript transcript) {
        return "transcript of conversation " + transcript.getConversationId();
    }
}
