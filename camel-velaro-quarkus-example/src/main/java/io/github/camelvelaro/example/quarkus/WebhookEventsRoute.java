package io.github.camelvelaro.example.quarkus;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.apache.camel.builder.RouteBuilder;

import io.github.camelvelaro.velaro.VelaroConstants;

/**
 * Receives Velaro's signed webhook events on Camel's own platform-http server ({@code camel.server.*}): each is
 * verified and de-duplicated by the component before it reaches the route, which counts them by type.
 */
@ApplicationScoped
public class WebhookEventsRoute extends RouteBuilder {

    /** The path registered in Velaro (Settings, Webhooks) under the server's address. */
    public static final String PATH = "/velaro/events";

    @Inject
    ConversationTally tally;

    @Override
    public void configure() {
        // RAW(...): a whsec_ secret is base64 and may contain + and /
        from("webhook:velaro:events?webhookSecret=RAW({{velaro.webhook.secret}})&webhookPath=" + PATH)
                .routeId("webhook-events")
                .process(exchange -> tally.recordEvent(exchange.getMessage().getHeader(VelaroConstants.EVENT_TYPE, String.class)))
                .log("Webhook event ${header.CamelVelaroEventType}");
    }
}
