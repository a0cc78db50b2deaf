package io.github.camelvelaro.velaro.webhook;

import java.util.List;

import io.github.camelvelaro.velaro.LogCapture;
import org.apache.camel.CamelContext;
import org.apache.camel.Component;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.webhook.WebhookConfiguration;
import org.apache.camel.component.webhook.WebhookEndpoint;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.impl.engine.DefaultComponentResolver;
import org.apache.camel.spi.ComponentResolver;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

/**
 * The HTTP server and registration side: platform-http is used without webhookComponentName, registration (on by
 * default in camel-webhook) calls nothing and logs the URL to enter in Velaro once, and a missing server is reported
 * with what to add.
 */
class WebhookServerTest extends WebhookTestSupport {

    private static final String REGISTRATION = "Velaro has no API to register webhooks";

    @Test
    void platformHttpIsTheDefaultServer() throws Exception {
        // camel-webhook only finds a REST consumer among components already created: none is at this point
        assertThat(context.hasComponent(WebhookTransport.PLATFORM_HTTP)).isNull();
        String uri = "webhook:velaro:events?webhookSecret=RAW(" + SECRET + ")&webhookPath=/hooks/velaro";
        addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from(uri).to("mock:events");
            }
        });

        WebhookConfiguration configuration = context.getEndpoint(uri, WebhookEndpoint.class).getConfiguration();
        assertThat(configuration.getWebhookComponentName()).isEqualTo("platform-http");
        assertThat(deliverSigned("/hooks/velaro", event("evt_1", "conversation.resolved", conversation("c_1")), "evt_1")
                .statusCode()).isEqualTo(204);
        assertThat(getMockEndpoint("mock:events").getReceivedCounter()).isEqualTo(1);
    }

    @Test
    void anExplicitComponentNameIsKept() throws Exception {
        String uri = "webhook:velaro:events?webhookComponentName=platform-http&webhookSecret=RAW(" + SECRET
                     + ")&webhookPath=/hooks/explicit";
        addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from(uri).to("mock:events");
            }
        });
        assertThat(deliverSigned("/hooks/explicit", event("evt_1", "contact.created", contact("k_1")), "evt_1")
                .statusCode()).isEqualTo(204);
    }

    @Test
    void registrationCallsNothingAndLogsTheUrlOnce() throws Exception {
        List<String> lines;
        try (LogCapture logs = LogCapture.all()) {
            addRoutes(new RouteBuilder() {
                @Override
                public void configure() {
                    // webhookAutoRegister is left at camel-webhook's default (true)
                    from("webhook:velaro:events?webhookSecret=RAW(" + SECRET + ")&webhookPath=/hooks/velaro"
                         + "&webhookExternalUrl=https://chat-hooks.example.com")
                            .routeId("events").to("mock:events");
                    from("webhook:velaro:transcripts?allowUnsigned=true&webhookPath=/hooks/transcripts")
                            .routeId("transcripts").to("mock:transcripts");
                }
            });
            context.getRouteController().stopRoute("events");
            context.getRouteController().startRoute("events");
            assertThat(deliverSigned("/hooks/velaro", event("evt_1", "conversation.resolved", conversation("c_1")),
                    "evt_1").statusCode()).isEqualTo(204);
            context.stop();
            lines = logs.lines();
        }

        List<String> registrations = lines.stream().filter(l -> l.contains(REGISTRATION)).toList();
        assertThat(registrations).hasSize(2);
        assertThat(registrations).filteredOn(l -> l.contains("webhook:velaro:events")).singleElement().asString()
                .contains("enter https://chat-hooks.example.com/hooks/velaro in Velaro Settings → Webhooks")
                .doesNotContain("set webhookExternalUrl");
        assertThat(registrations).filteredOn(l -> l.contains("webhook:velaro:transcripts")).singleElement().asString()
                .contains("/hooks/transcripts in Velaro Transcript Storage → Custom HTTPS webhook")
                .contains("set webhookExternalUrl");
        assertThat(String.join("\n", lines)).doesNotContain(SECRET_KEY_PART);
    }

    @Test
    void aMissingServerSaysWhatToAdd() throws Exception {
        try (CamelContext bare = new DefaultCamelContext()) {
            // a context where no REST consumer component can be resolved, as without platform-http on the classpath
            DefaultComponentResolver defaults = new DefaultComponentResolver();
            List<String> hidden = List.of("platform-http", "coap", "netty-http", "jetty", "servlet", "undertow");
            bare.getCamelContextExtension().addContextPlugin(ComponentResolver.class,
                    (String name, CamelContext ctx) -> hidden.contains(name) ? null : defaults.resolveComponent(name, ctx));
            bare.start();

            Throwable failure = catchThrowable(() -> bare.addRoutes(new RouteBuilder() {
                @Override
                public void configure() {
                    from("webhook:velaro:events?webhookSecret=RAW(" + SECRET + ")").to("log:x");
                }
            }));

            assertThat(WebhookStartupTest.allMessages(failure))
                    .contains("webhook:velaro:events needs an HTTP server to receive deliveries and none was found: "
                              + "add camel-platform-http-main (Camel Main), camel-platform-http-starter (Spring Boot) "
                              + "or camel-platform-http-vertx")
                    .contains("webhookComponentName")
                    .doesNotContain(SECRET_KEY_PART);
            Component none = bare.hasComponent("platform-http");
            assertThat(none).isNull();
        }
    }
}
