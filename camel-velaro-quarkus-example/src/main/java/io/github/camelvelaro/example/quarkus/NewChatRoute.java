package io.github.camelvelaro.example.quarkus;

import org.apache.camel.builder.RouteBuilder;

/**
 * Opens a Velaro conversation for each message sent to {@code direct:new-chat}: the body is a map (or JSON) with at
 * least {@code message}, the reply a {@code Conversation}, and its id is in the {@code CamelVelaroConversationId}
 * header.
 */
public class NewChatRoute extends RouteBuilder {

    @Override
    public void configure() {
        from("direct:new-chat")
                .routeId("new-chat")
                .to("velaro:conversations")
                .log("Opened conversation ${header.CamelVelaroConversationId}");
    }
}
