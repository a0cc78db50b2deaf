package io.github.camelvelaro.example.springboot;

import io.github.camelvelaro.velaro.exception.VelaroException;
import io.github.camelvelaro.velaro.exception.VelaroValidationException;
import org.apache.camel.Exchange;
import org.apache.camel.LoggingLevel;
import org.apache.camel.builder.RouteBuilder;
import org.springframework.stereotype.Component;

/**
 * {@code POST /api/chats} with {@code {"visitorName", "visitorEmail", "message"}}, as a website's "chat with us" form
 * would send it, opens a Velaro conversation and answers {@code 201} with that conversation as JSON.
 */
@Component
public class ChatRequestRoute extends RouteBuilder {

    @Override
    public void configure() {
        // the component refuses an invalid request before sending it; its message says what is wrong with the input
        onException(VelaroValidationException.class).handled(true)
                .removeHeaders("*")
                .setHeader(Exchange.HTTP_RESPONSE_CODE, constant(400))
                .setHeader(Exchange.CONTENT_TYPE, constant("text/plain"))
                .setBody(exceptionMessage());
        // anything else Velaro answered (quota spent, outage ...) is our upstream's problem, not the caller's
        onException(VelaroException.class).handled(true)
                .log(LoggingLevel.WARN, "Velaro did not open the conversation: ${exception.message}")
                .removeHeaders("*")
                .setHeader(Exchange.HTTP_RESPONSE_CODE, constant(502))
                .setHeader(Exchange.CONTENT_TYPE, constant("text/plain"))
                .setBody(constant("The chat could not be opened, please try again later"));

        from("platform-http:/api/chats?httpMethodRestrict=POST").routeId("chat-request")
                .to("velaro:conversations")
                .log("Opened conversation ${header.CamelVelaroConversationId} for ${body.visitorName}")
                // the request's headers would otherwise be echoed in the response
                .removeHeaders("*")
                .setHeader(Exchange.HTTP_RESPONSE_CODE, constant(201))
                .setHeader(Exchange.CONTENT_TYPE, constant("application/json"))
                .convertBodyTo(String.class);
    }
}
