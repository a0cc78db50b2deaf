package io.github.camelvelaro.example.quarkus;

import io.github.camelvelaro.velaro.model.Conversation;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.apache.camel.builder.RouteBuilder;

/**
 * Polls Velaro for new and changed conversations (each change once, in order) and keeps a tally of them. A CDI bean,
 * so that Camel Quarkus injects the tally.
 */
@ApplicationScoped
public class ConversationPollRoute extends RouteBuilder {

    @Inject
    ConversationTally tally;

    @Override
    public void configure() {
        from("velaro:conversations?delay={{velaro.example.poll-delay}}")
                .routeId("poll-conversations")
                .process(exchange -> tally.record(exchange.getMessage().getBody(Conversation.class)))
                // ${body.status} would need the bean language (camel-bean); the header needs nothing more
                .log("Conversation ${header.CamelVelaroConversationId} changed");
    }
}
