package io.github.camelvelaro.velaro.webhook;

import java.util.HashMap;
import java.util.Map;

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
 * <p>
 * On platform-http it also has the request body handed over unread, so that the handler enforces maxBodySize where
 * the body is read (see {@link #withUnreadBodies}).
 */
final class WebhookTransport {

    static final String PLATFORM_HTTP = "platform-http";
    /** platform-http's endpoint option; false hands the request over unread. */
    static final String USE_BODY_HANDLER = "useBodyHandler";

    private static final Logger LOG = LoggerFactory.getLogger(WebhookTransport.class);

    private WebhookTransport() {
    }

    /**
     * Sets {@code webhookComponentName} when it is not set and a choice exists, otherwise makes sure camel-webhook's
     * own search will succeed, failing with a message that says what to add; then, on platform-http, has the body
     * handed over unread.
     */
    static void applyDefault(CamelContext context, WebhookConfiguration configuration, String uri) {
        chooseServer(context, configuration, uri);
        if (PLATFORM_HTTP.equals(configuration.getWebhookComponentName())) {
            configuration.storeConfiguration(withUnreadBodies(configuration.retrieveRestConfiguration()));
        }
    }

    private static void chooseServer(CamelContext context, WebhookConfiguration configuration, String uri) {
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

    /**
     * The REST configuration camel-webhook creates this endpoint's platform-http consumer with, plus
     * {@code useBodyHandler=false}: the vert.x engine then hands the request over unread instead of buffering its
     * body (up to its server-wide limit, 10 MiB by default) before the webhook handler can apply maxBodySize. A copy,
     * so other REST routes keep their body handler; the servlet engine (Spring Boot) ignores the option.
     */
    static RestConfiguration withUnreadBodies(RestConfiguration shared) {
        RestConfiguration copy = shared == null ? new RestConfiguration() : copyOf(shared);
        Map<String, Object> endpoint = copy.getEndpointProperties() == null
                ? new HashMap<>() : new HashMap<>(copy.getEndpointProperties());
        endpoint.put(USE_BODY_HANDLER, "false");
        copy.setEndpointProperties(endpoint);
        return copy;
    }

    /** Every property of {@link RestConfiguration} (a test checks that none is missed). */
    static RestConfiguration copyOf(RestConfiguration from) {
        RestConfiguration to = new RestConfiguration();
        to.setComponent(from.getComponent());
        to.setApiComponent(from.getApiComponent());
        to.setProducerComponent(from.getProducerComponent());
        to.setProducerApiDoc(from.getProducerApiDoc());
        to.setHost(from.getHost());
        to.setUseXForwardHeaders(from.isUseXForwardHeaders());
        to.setApiHost(from.getApiHost());
        to.setScheme(from.getScheme());
        to.setPort(from.getPort());
        to.setContextPath(from.getContextPath());
        to.setApiContextPath(from.getApiContextPath());
        to.setApiContextRouteId(from.getApiContextRouteId());
        to.setApiVendorExtension(from.isApiVendorExtension());
        to.setHostNameResolver(from.getHostNameResolver());
        to.setBindingMode(from.getBindingMode());
        to.setBindingPackageScan(from.getBindingPackageScan());
        to.setSkipBindingOnErrorCode(from.isSkipBindingOnErrorCode());
        to.setClientRequestValidation(from.isClientRequestValidation());
        to.setClientResponseValidation(from.isClientResponseValidation());
        to.setEnableCORS(from.isEnableCORS());
        to.setEnableNoContentResponse(from.isEnableNoContentResponse());
        to.setInlineRoutes(from.isInlineRoutes());
        to.setJsonDataFormat(from.getJsonDataFormat());
        to.setXmlDataFormat(from.getXmlDataFormat());
        to.setComponentProperties(from.getComponentProperties());
        to.setEndpointProperties(from.getEndpointProperties());
        to.setConsumerProperties(from.getConsumerProperties());
        to.setDataFormatProperties(from.getDataFormatProperties());
        to.setApiProperties(from.getApiProperties());
        to.setCorsHeaders(from.getCorsHeaders());
        to.setValidationLevels(from.getValidationLevels());
        return to;
    }

    static String missingServerMessage(String uri) {
        return uri + " needs an HTTP server to receive deliveries and none was found: add camel-platform-http-main "
               + "(Camel Main), camel-platform-http-starter (Spring Boot) or camel-platform-http-vertx to the "
               + "application, or set webhookComponentName to a REST consumer component (URI option, or "
               + "camel.component.webhook.webhook-component-name)";
    }
}
