package io.github.camelvelaro.examples.site;

/**
 * The Camel properties the routes and {@code application.properties} read. The example sets them as Camel Main
 * override properties, so the same names work under Camel JBang from environment variables.
 */
public final class ExampleProperties {

    public static final String API_KEY = "camel.component.velaro.api-key";
    public static final String BASE_URL = "camel.component.velaro.base-url";
    public static final String DAILY_REQUEST_LIMIT = "camel.component.velaro.daily-request-limit";
    public static final String WEBHOOK_SECRET = "velaro.webhook-secret";
    public static final String WORKFLOW_TRIGGER_URL = "velaro.workflow-trigger-url";
    public static final String POLL_DELAY = "velaro.poll-delay";
    public static final String SERVER_ENABLED = "camel.server.enabled";
    public static final String SERVER_HOST = "camel.server.host";
    public static final String SERVER_PORT = "camel.server.port";

    private ExampleProperties() {
    }
}
