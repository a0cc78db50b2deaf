package io.github.camelvelaro.velaro;

import io.github.camelvelaro.velaro.client.RateLimitHeaders;
import io.github.camelvelaro.velaro.model.Contact;
import io.github.camelvelaro.velaro.model.Conversation;
import io.github.camelvelaro.velaro.model.Transcript;
import io.github.camelvelaro.velaro.model.VelaroEvent;
import io.github.camelvelaro.velaro.model.VelaroPage;
import org.apache.camel.Message;

/**
 * Fills a Camel message from Velaro models, the same way for producers, pollers and webhooks, so a route can switch
 * between polling and webhooks without changing what it reads.
 */
public final class VelaroMessages {

    private VelaroMessages() {
    }

    /** Body: the conversation; header {@code CamelVelaroConversationId}. */
    public static void setConversation(Message message, Conversation conversation) {
        message.setBody(conversation);
        setIdHeaders(message, conversation);
    }

    /** Body: the contact; header {@code CamelVelaroContactId}. */
    public static void setContact(Message message, Contact contact) {
        message.setBody(contact);
        setIdHeaders(message, contact);
    }

    /**
     * Body: the event; headers {@code CamelVelaroEventId}, {@code CamelVelaroEventType} and the id header of the
     * conversation or contact it carries.
     */
    public static void setEvent(Message message, VelaroEvent event) {
        message.setBody(event);
        message.setHeader(VelaroConstants.EVENT_ID, event.getId());
        message.setHeader(VelaroConstants.EVENT_TYPE, event.getType());
        setIdHeaders(message, event.getData());
    }

    /** Body: the transcript; header {@code CamelVelaroConversationId}. */
    public static void setTranscript(Message message, Transcript transcript) {
        message.setBody(transcript);
        if (transcript.getConversationId() != null) {
            message.setHeader(VelaroConstants.CONVERSATION_ID, transcript.getConversationId());
        }
    }

    /** Body: the page's items as a {@code List}; headers {@code CamelVelaroPage}, {@code CamelVelaroHasMore}, total. */
    public static void setPage(Message message, VelaroPage<?> page) {
        message.setBody(page.getData());
        message.setHeader(VelaroConstants.PAGE, page.getPage());
        message.setHeader(VelaroConstants.HAS_MORE, page.hasMore());
        if (page.getTotalCount() != null) {
            message.setHeader(VelaroConstants.TOTAL_COUNT, page.getTotalCount());
        } else {
            message.removeHeader(VelaroConstants.TOTAL_COUNT);
        }
    }

    /** Any of the above, chosen by the model's type. */
    public static void setModel(Message message, Object model) {
        if (model instanceof Conversation c) {
            setConversation(message, c);
        } else if (model instanceof Contact c) {
            setContact(message, c);
        } else if (model instanceof VelaroPage<?> p) {
            setPage(message, p);
        } else if (model instanceof VelaroEvent e) {
            setEvent(message, e);
        } else if (model instanceof Transcript t) {
            setTranscript(message, t);
        } else {
            message.setBody(model);
        }
    }

    /** Headers {@code CamelVelaroRateLimitRemaining} and {@code CamelVelaroRateLimitReset}, when Velaro sent them. */
    public static void setRateLimit(Message message, RateLimitHeaders limits) {
        if (limits.remaining() != null) {
            message.setHeader(VelaroConstants.RATE_LIMIT_REMAINING, limits.remaining());
        }
        if (limits.reset() != null) {
            message.setHeader(VelaroConstants.RATE_LIMIT_RESET, limits.reset());
        }
    }

    private static void setIdHeaders(Message message, Object model) {
        if (model instanceof Conversation c && c.getId() != null) {
            message.setHeader(VelaroConstants.CONVERSATION_ID, c.getId());
        } else if (model instanceof Contact c && c.getId() != null) {
            message.setHeader(VelaroConstants.CONTACT_ID, c.getId());
        }
    }
}
