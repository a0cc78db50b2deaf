package io.github.camelvelaro.velaro.webhook;

import java.io.IOException;

import io.github.camelvelaro.velaro.model.VelaroJson;
import org.apache.camel.Message;

/**
 * What differs between the kinds of Velaro delivery (events, transcripts): how the verified body is read, which ones
 * the route wants, what identifies a redelivery, and how the exchange is filled.
 */
interface WebhookPayload<T> {

    /**
     * The model of a verified body.
     *
     * @throws IOException when the body is not JSON of the expected shape (answered 400)
     */
    T parse(byte[] body) throws IOException;

    /** Whether the route wants it; the others are acknowledged and dropped. */
    boolean wanted(T payload);

    /**
     * What identifies this delivery and its redeliveries, or null when nothing does (then it is not de-duplicated).
     *
     * @param webhookId the {@code webhook-id} header, or null
     */
    String deduplicationKey(T payload, String webhookId);

    /** Sets the body and headers the route receives. */
    void fill(Message message, T payload);

    /** For log lines, e.g. {@code event evt_1 (conversation.resolved)}; never contains a secret. */
    String describe(T payload);

    /** Reads a JSON object of the given model type; JSON {@code null} is not one. */
    static <M> M readObject(byte[] body, Class<M> type) throws IOException {
        M model = VelaroJson.read(body, type);
        if (model == null) {
            throw new IOException("the body is JSON null, not a " + type.getSimpleName());
        }
        return model;
    }
}
