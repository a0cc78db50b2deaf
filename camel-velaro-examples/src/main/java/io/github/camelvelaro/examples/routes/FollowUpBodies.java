package io.github.camelvelaro.examples.routes;

import java.util.LinkedHashMap;
import java.util.Map;

import io.github.camelvelaro.velaro.model.ContactInput;
import io.github.camelvelaro.velaro.model.Conversation;
import org.apache.camel.Exchange;

/**
 * The bodies the follow-ups send, built from the resolved conversation. The YAML routes build the same maps in
 * Groovy: a visitor's name is free text, so it is put into a map or model (which the component writes as JSON)
 * rather than pasted into JSON text.
 */
public final class FollowUpBodies {

    private FollowUpBodies() {
    }

    /** The conversation the follow-ups are about, from the exchange variable the resolved-conversation route set. */
    public static Conversation conversation(Exchange exchange) {
        return exchange.getVariable(RouteIds.CONVERSATION_VARIABLE, Conversation.class);
    }

    /** A new contact for the visitor: name, email, and which conversation was the last. */
    public static ContactInput newContact(Conversation conversation) {
        ContactInput contact = new ContactInput();
        contact.setName(conversation.getVisitorName());
        contact.setEmail(conversation.getVisitorEmail());
        contact.setCustomData(lastConversation(conversation));
        return contact;
    }

    /**
     * The change to an existing contact: which conversation was the last. A PATCH changes only the fields sent, but
     * {@code customData} is sent as a whole: merge in the contact's own custom fields first if it has any.
     */
    public static ContactInput lastConversationUpdate(Conversation conversation) {
        ContactInput change = new ContactInput();
        change.setCustomData(lastConversation(conversation));
        return change;
    }

    /** What the follow-up survey workflow receives. */
    public static Map<String, Object> survey(Conversation conversation, String contactId) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("survey", "csat");
        body.put("conversationId", conversation.getId());
        body.put("contactId", contactId);
        body.put("channel", conversation.getChannel());
        return body;
    }

    private static Map<String, Object> lastConversation(Conversation conversation) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("lastConversationId", conversation.getId());
        data.put("lastResolvedAt", conversation.getResolvedAt() == null ? null : conversation.getResolvedAt().toString());
        return data;
    }
}
