package io.github.camelvelaro.velaro.webhook;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.Map;

import com.standardwebhooks.Webhook;
import io.github.camelvelaro.velaro.VelaroComponent;
import org.apache.camel.CamelContext;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.platform.http.vertx.VertxPlatformHttpServer;
import org.apache.camel.component.platform.http.vertx.VertxPlatformHttpServerConfiguration;
import org.apache.camel.test.junit5.CamelTestSupport;

/**
 * A CamelContext with a vert.x platform-http server on a random loopback port, the Velaro component's clock fixed at
 * the test vector's time, and helpers that POST deliveries signed by the Standard Webhooks reference library (an
 * implementation independent of the verifier under test).
 */
public abstract class WebhookTestSupport extends CamelTestSupport {

    /** The test vector's secret (webhooks.md). */
    public static final String SECRET = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw";
    /** The part of {@link #SECRET} that must never be shown. */
    public static final String SECRET_KEY_PART = SECRET.substring("whsec_".length());
    /** The component's clock: the test vector's timestamp. */
    public static final Instant NOW = Instant.ofEpochSecond(1_614_265_330L);

    protected final HttpClient http = newHttpClient();
    private VertxPlatformHttpServer server;

    @Override
    protected CamelContext createCamelContext() throws Exception {
        CamelContext camel = super.createCamelContext();
        server = serveOnLoopback(camel);
        return camel;
    }

    /** Adds a vert.x platform-http server on a random loopback port, and fixes the component's clock at {@link #NOW}. */
    public static VertxPlatformHttpServer serveOnLoopback(CamelContext camel) {
        VertxPlatformHttpServerConfiguration conf = new VertxPlatformHttpServerConfiguration();
        conf.setBindHost("127.0.0.1");
        conf.setBindPort(0);
        VertxPlatformHttpServer server = new VertxPlatformHttpServer(conf);
        try {
            camel.addService(server);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
        camel.getComponent("velaro", VelaroComponent.class).setClock(Clock.fixed(NOW, ZoneOffset.UTC));
        return server;
    }

    /** The client the deliveries are sent with: the JDK's default (HTTP/2 over h2c). */
    protected HttpClient newHttpClient() {
        return HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    }

    protected int port() {
        return server.getServer().actualPort();
    }

    protected URI url(String path) {
        return URI.create("http://127.0.0.1:" + port() + path);
    }

    protected void addRoutes(RouteBuilder builder) throws Exception {
        context.addRoutes(builder);
    }

    /** Standard Webhooks signature header value for a delivery, computed by the reference library. */
    public static String sign(String secret, String id, long timestamp, String body) throws Exception {
        return new Webhook(secret).sign(id, timestamp, body);
    }

    /** POSTs {@code body} with the given headers (Content-Type application/json unless given). */
    protected HttpResponse<String> post(String path, byte[] body, Map<String, String> headers) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(url(path)).timeout(Duration.ofSeconds(30))
                .POST(HttpRequest.BodyPublishers.ofByteArray(body));
        headers.forEach(request::header);
        if (!headers.containsKey("Content-Type")) {
            request.header("Content-Type", "application/json");
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    /** POSTs {@code body} with the three Standard Webhooks headers as given. */
    protected HttpResponse<String> deliver(String path, String body, String id, long timestamp, String signature)
            throws Exception {
        Map<String, String> headers = new LinkedHashMap<>();
        if (id != null) {
            headers.put("webhook-id", id);
        }
        headers.put("webhook-timestamp", Long.toString(timestamp));
        if (signature != null) {
            headers.put("webhook-signature", signature);
        }
        return post(path, body.getBytes(StandardCharsets.UTF_8), headers);
    }

    /** POSTs {@code body} signed with {@link #SECRET} at {@link #NOW}, as Velaro would. */
    protected HttpResponse<String> deliverSigned(String path, String body, String id) throws Exception {
        return http.send(signedDelivery(url(path), body, id), HttpResponse.BodyHandlers.ofString());
    }

    /** A POST of {@code body} signed with {@link #SECRET} at {@link #NOW}, as Velaro sends it. */
    public static HttpRequest signedDelivery(URI url, String body, String id) throws Exception {
        long timestamp = NOW.getEpochSecond();
        return HttpRequest.newBuilder(url).timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/json")
                .header("webhook-id", id)
                .header("webhook-timestamp", Long.toString(timestamp))
                .header("webhook-signature", sign(SECRET, id, timestamp, body))
                .POST(HttpRequest.BodyPublishers.ofString(body)).build();
    }

    /** A Velaro event envelope around a conversation or contact JSON object. */
    public static String event(String id, String type, String dataJson) {
        return "{\"id\":\"" + id + "\",\"type\":\"" + type + "\",\"createdAt\":\"2026-11-27T10:15:30Z\",\"data\":"
               + dataJson + "}";
    }

    public static String conversation(String id) {
        return "{\"id\":\"" + id + "\",\"status\":\"resolved\",\"channel\":\"web\",\"visitorName\":\"Jane Doe\","
               + "\"createdAt\":\"2026-11-27T10:00:00Z\",\"updatedAt\":\"2026-11-27T10:15:30Z\"}";
    }

    public static String contact(String id) {
        return "{\"id\":\"" + id + "\",\"name\":\"Jane Doe\",\"email\":\"jane@example.com\","
               + "\"createdAt\":\"2026-11-20T08:00:00Z\",\"updatedAt\":\"2026-11-27T09:00:00Z\"}";
    }

    public static String transcript(String conversationId, String endedAt) {
        return "{\"conversationId\":\"" + conversationId + "\",\"startedAt\":\"2026-11-27T10:00:00Z\",\"endedAt\":\""
               + endedAt + "\",\"channel\":\"web\",\"participants\":[{\"name\":\"Jane Doe\",\"role\":\"visitor\"},"
               + "{\"name\":\"Sam\",\"role\":\"agent\"}],\"messages\":[{\"author\":\"Jane Doe\",\"role\":\"visitor\","
               + "\"text\":\"Hi\",\"sentAt\":\"2026-11-27T10:00:05Z\"}]}";
    }
}
