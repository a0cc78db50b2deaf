package io.github.camelvelaro.example.springboot;

import io.github.camelvelaro.velaro.model.ContactInput;
import io.github.camelvelaro.velaro.model.Conversation;
import org.apache.camel.builder.RouteBuilder;
import org.springframework.stereotype.Component;

/**
 * Keeps Velaro's contacts in step with its chats: the visitor of every resolved conversation that left an email
 * becomes a contact, or refreshes the contact Velaro already has for that email (Velaro matches contacts by email, so
 * creating a known one updates it).
 * <p>
 * Polling only resolved conversations costs one contact request per chat, where polling all of them would cost one
 * per change of every chat (each message, each assignment).
 */
@Component
public class ResolvedChatContactRoute extends RouteBuilder {

    @Override
    public void configure() {
        from("velaro:conversations?status=resolved&delay={{velaro.example.poll-delay}}")
                .routeId("resolved-chat-contact")
                .filter(simple("${body.visitorEmail} != null"))
                .setBody(exchange -> contactOf(exchange.getMessage().getBody(Conversation.class)))
                .to("velaro:contacts")
                .log("Contact ${header.CamelVelaroContactId} is up to date for the visitor of conversation "
                     + "${header.CamelVelaroConversationId}");
    }

    static ContactInput contactOf(Conversation conversation) {
        ContactInput contact = new ContactInput();
        contact.setName(conversation.getVisitorName());
        contact.setEmail(conversation.getVisitorEmail());
        return contact;
    }
}
