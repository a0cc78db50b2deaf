package io.github.camelvelaro.examples.routes;

import io.github.camelvelaro.velaro.VelaroConstants;
import org.apache.camel.builder.RouteBuilder;

/**
 * Receives Velaro's signed webhook events on the platform-http server ({@code camel.server.*}). Every event type is
 * received, so the console can count them; resolved conversations go on to the follow-ups.
 */
public class WebhookEventsRoute extends RouteBuilder {

    @Override
    public void configure() {
        // RAW(...): a whsec_ secret is base64 and may contain + and /; webhookPath keeps the URL registered in Velaro
        // stable when other options change
        from("webhook:velaro:events?webhookSecret=RAW({{velaro.webhook-secret}})&webhookPath=" + RouteIds.WEBHOOK_PATH)
                .routeId(RouteIds.WEBHOOK_EVENTS)
                .filter(header(VelaroConstants.EVENT_TYPE).isEqualTo("conversation.resolved"))
                    .setBody(simple("${body.conversation}"))
                    .to("direct:resolved-conversation")
                .end();
    }
}
