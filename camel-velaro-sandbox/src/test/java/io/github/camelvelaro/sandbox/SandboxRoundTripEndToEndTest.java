package io.github.camelvelaro.sandbox;

import java.time.Duration;
import java.util.Map;

import io.github.camelvelaro.sandbox.junit.VelaroSandboxExtension;
import io.github.camelvelaro.velaro.VelaroConstants;
import io.github.camelvelaro.velaro.model.Conversation;
import io.github.camelvelaro.velaro.model.VelaroEvent;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.mock.MockEndpoint;
import org.apache.camel.component.platform.http.vertx.VertxPlatformHttpServer;
import org.apache.camel.component.platform.http.vertx.VertxPlatformHttpServerConfiguration;
import org.apache.camel.test.junit5.CamelTestSupport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The whole component against the sandbox: a conversation created through {@code to("velaro:conversations")} arrives
 * through {@code from("velaro:conversations")} and, signed by the sandbox, through {@code webhook:velaro:events},
 * with the same body type and the same id header on both paths.
 */
class SandboxRoundTripEndToEndTest extends CamelTestSupport {

    @RegisterExtension
    static VelaroSandboxExtension sandbox = new VelaroSandboxExtension();

    private VertxPlatformHttpServer server;

    @Override
    protected CamelContext createCamelContext() throws Exception {
        CamelContext camel = super.createCamelContext();
        VertxPlatformHttpServerConfiguration conf = new VertxPlatformHttpServerConfiguration();
        conf.setBindHost("127.0.0.1");
        conf.setBindPort(0);
        server = new VertxPlatformHttpServer(conf);
        camel.addService(server);
        return camel;
    }

    @Override
    protected RouteBuilder createRouteBuilder() {
        String velaro = "apiKey=RAW(" + sandbox.createReadWriteKey() + ")&baseUrl=" + sandbox.baseUrl();
        return new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:create").to("velaro:conversations?" + velaro);
                from("velaro:conversations?delay=100&startFrom=beginning&" + velaro).to("mock:polled");
                from("webhook:velaro:events?webhookSecret=RAW(" + sandbox.webhookSecret() + ")&webhookPath=/velaro/events"
                     + "&eventTypes=conversation.created")
                        .to("mock:events");
            }
        };
    }

    @Test
    void aCreatedConversationArrivesThroughThePollerAndThroughTheWebhook() throws Exception {
        sandbox.registerWebhook("http://127.0.0.1:" + server.getServer().actualPort() + "/velaro/events");
        MockEndpoint polled = getMockEndpoint("mock:polled");
        MockEndpoint events = getMockEndpoint("mock:events");
        polled.expectedMessageCount(1);
        events.expectedMessageCount(1);

        Conversation created = template.requestBody("direct:create",
                Map.of("visitorName", "Jane Doe", "visitorEmail", "jane@example.com", "message", "Where is my order?"),
                Conversation.class);

        MockEndpoint.assertIsSatisfied(context, 20, java.util.concurrent.TimeUnit.SECONDS);
        Exchange fromPoller = polled.getReceivedExchanges().get(0);
        Exchange fromWebhook = events.getReceivedExchanges().get(0);
        assertThat(fromPoller.getMessage().getBody(Conversation.class).getId()).isEqualTo(created.getId());
        assertThat(fromPoller.getMessage().getHeader(VelaroConstants.CONVERSATION_ID)).isEqualTo(created.getId());
        VelaroEvent event = fromWebhook.getMessage().getBody(VelaroEvent.class);
        assertThat(event.getType()).isEqualTo("conversation.created");
        assertThat(event.getConversation().getId()).isEqualTo(created.getId());
        assertThat(event.getConversation().getVisitorEmail()).isEqualTo("jane@example.com");
        assertThat(fromWebhook.getMessage().getHeader(VelaroConstants.CONVERSATION_ID)).isEqualTo(created.getId());
        assertThat(fromWebhook.getMessage().getHeader(VelaroConstants.EVENT_ID)).isEqualTo(event.getId());
        // the sandbox saw the delivery acknowledged: no redelivery is pending
        await().atMost(Duration.ofSeconds(5)).untilAsserted(
                () -> assertThat(sandbox.webhooks().pending()).isZero());
    }
}
