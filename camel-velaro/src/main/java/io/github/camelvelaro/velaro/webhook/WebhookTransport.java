package io.github.camelvelaro.velaro.webhook;

import org.apache.camel.CamelContext;
import org.apache.camel.Component;
import org.apache.camel.component.webhook.WebhookConfiguration;
import org.apache.camel.component.webhook.WebhookUtils;
import org.apache.camel.spi.RestConfiguration;
import org.apache.camel.spi.RestConsumerFactory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Chooses the HTTP server of a {@code webhook:velaro:…} consumer when the user named none.
 * <p>
 * camel-webhook looks only at components already in the context, the registry and a fixed list that does not
 * include platform-http, so {@code from("webhook:velaro:events")} would fail with "Cannot find RestConsumerFactory"
 * although camel-platform-http is on the classpath. The configuration reaches the endpoint (through
 * {@code setWebhookConfiguration}) before camel-webhook looks for the server, which is where the default is set:
 * the REST configuration's component when there is one, else platform-http when it can be resolved.
 */
final class WebhookTransport {

    static final String PLATFORM_HTTP = "platform-http";

    private static final Logger LOG = LoggerFactory.getLogger(WebhookTransport.class);

    private WebhookTransport() {
    }

    /**
     * Sets {@code webhookComponentName} when it is not set and a choice exists; otherwise makes sure camel-webhook's
     * own search will succeed, failing with a message that says what to add.
     */
    static void applyDefault(CamelContext context, WebhookConfiguration configuration, String uri) {
        if (configuration.getWebhookComponentName() != null) {
            return;
        }
        RestConfiguration rest = configuration.retrieveRestConfiguration();
        String restComponent = rest == null ? null : rest.getComponent();
        if (restComponent != null && !restComponent.isBlank()) {
            LOG.debug("{} uses the REST configuration's component {}", uri, restComponent);
            configuration.setWebhookComponentName(restComponent);
            return;
        }
        Component platformHttp = context.getComponent(PLATFORM_HTTP, true);
        if (platformHttp instanceof RestConsumerFactory) {
            LOG.debug("{} uses the {} component", uri, PLATFORM_HTTP);
            configuration.setWebhookComponentName(PLATFORM_HTTP);
            return;
        }
        try {
            // the same search camel-webhook runs when the route starts, done now to replace its bare message
            WebhookUtils.locateRestConsumerFactory(context, configuration);
        } catch (IllegalStateException e) {
            throw new IllegalStateException(missingServerMessage(uri), e);
        }
    }

    static String missingServerMessage(String uri) {
        return uri + " needs an HTTP server to receive deliveries and none was found: add camel-platform-http-main "
               + "(Camel Main), camel-platform-http-starter (Spring Boot) or camel-platform-http-vertx to the "
               + "application, or set webhookComponentName to a REST consumer component (URI option, or "
               + "camel.component.webhook.webhook-component-name)";
    }
}
