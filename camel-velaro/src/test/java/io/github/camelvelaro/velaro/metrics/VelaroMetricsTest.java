package io.github.camelvelaro.velaro.metrics;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import io.github.camelvelaro.velaro.Fixtures;
import io.github.camelvelaro.velaro.MutableClock;
import io.github.camelvelaro.velaro.VelaroComponent;
import io.github.camelvelaro.velaro.VelaroConstants;
import io.github.camelvelaro.velaro.VelaroTestSupport;
import io.github.camelvelaro.velaro.console.VelaroDevConsole;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.Tag;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.console.DevConsole;
import org.apache.camel.support.PluginHelper;
import org.apache.camel.util.json.JsonObject;
import org.junit.jupiter.api.Test;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The meters in a {@code SimpleMeterRegistry} (found as camel-micrometer finds its registry, by the name
 * {@code metricsRegistry}) and the {@code velaro} dev console, after requests to WireMock, a rate-limit wait and a
 * poll. Neither shows the key or a trigger URL.
 */
class VelaroMetricsTest extends VelaroTestSupport {

    private static final String TRIGGER_PATH = "/hooks/wf/T0p5ecretTr1gg3r";
    private static final String TRIGGER_SECRET = "T0p5ecretTr1gg3r";
    private static final String KEY_SECRET_PART = KEY.substring("vlk_".length(), KEY.length() - 4);

    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    private final MutableClock clock = new MutableClock();

    @Override
    protected CamelContext createCamelContext() throws Exception {
        CamelContext camel = super.createCamelContext();
        camel.getRegistry().bind(MicrometerLookup.METRICS_REGISTRY_NAME, registry);
        VelaroComponent velaro = camel.getComponent("velaro", VelaroComponent.class);
        velaro.setClock(clock);
        velaro.setTicker(clock.ticker());
        return camel;
    }

    private void stubConversation() {
        wireMock.stubFor(get("/v1/conversations/c_1").willReturn(aResponse().withStatus(200)
                .withHeader("X-RateLimit-Remaining", "57").withHeader("X-RateLimit-Reset", "30")
                .withHeader("X-RateLimit-Remaining-Month", "9000")
                .withBody(Fixtures.conversationJson("c_1", "2026-11-27T11:00:00Z"))));
        wireMock.stubFor(get("/v1/conversations/nope").willReturn(aResponse().withStatus(404)
                .withBody(Fixtures.error("not_found", "no such conversation"))));
        wireMock.stubFor(get("/v1/conversations/busy").willReturn(aResponse().withStatus(429)
                .withHeader("Retry-After", "0").withBody(Fixtures.error("rate_limited", "slow down"))));
        wireMock.stubFor(post(TRIGGER_PATH).willReturn(aResponse().withStatus(202).withBody("{\"runId\":\"r_1\"}")));
    }

    private Exchange getConversation(String id) {
        return template.send(velaro("conversations", "operation=get&maxRetries=0"),
                e -> e.getMessage().setHeader(VelaroConstants.CONVERSATION_ID, id));
    }

    private Exchange triggerWorkflow() {
        return template.send("velaro:workflows?triggerUrl=RAW(http://127.0.0.1:" + wireMock.port() + TRIGGER_PATH + ")",
                e -> e.getMessage().setBody(Map.of("conversationId", "c_1")));
    }

    private double requests(String operation, String status) {
        return registry.get(MicrometerMetrics.REQUESTS).tag(MicrometerMetrics.OPERATION_TAG, operation)
                .tag(MicrometerMetrics.STATUS_TAG, status).tag(MicrometerMetrics.CAMEL_CONTEXT_TAG, context.getName())
                .timer().count();
    }

    private double quota(String window) {
        return registry.get(MicrometerMetrics.QUOTA_REMAINING).tag(MicrometerMetrics.KEY_TAG, MASKED_KEY)
                .tag(MicrometerMetrics.WINDOW_TAG, window).gauge().value();
    }

    @Test
    void requestsAreTimedByOperationAndStatus() {
        stubConversation();

        assertThat(getConversation("c_1").getException()).isNull();
        assertThat(getConversation("c_1").getException()).isNull();
        assertThat(getConversation("nope").getException()).isNotNull();
        assertThat(getConversation("busy").getException()).isNotNull();
        assertThat(triggerWorkflow().getException()).isNull();

        assertThat(requests("getConversation", "200")).isEqualTo(2);
        assertThat(requests("getConversation", "404")).isEqualTo(1);
        assertThat(requests("getConversation", "429")).isEqualTo(1);
        assertThat(requests("triggerWorkflow", "202")).isEqualTo(1);
        assertThat(registry.get(MicrometerMetrics.REQUESTS).timers()).hasSize(4);
    }

    @Test
    void quotaRemainingIsAGaugePerMaskedKeyAndWindow() {
        stubConversation();
        getConversation("c_1");
        getConversation("c_1");

        assertThat(quota("minute")).isEqualTo(57);
        assertThat(quota("day")).isEqualTo(1000 - 2);
        assertThat(quota("month")).isEqualTo(9000);
        Meter.Id id = registry.get(MicrometerMetrics.QUOTA_REMAINING).tag(MicrometerMetrics.WINDOW_TAG, "day").gauge()
                .getId();
        assertThat(id.getTag(MicrometerMetrics.KEY_FINGERPRINT_TAG)).hasSize(12).doesNotContain(KEY_SECRET_PART);
    }

    @Test
    void aRotatedKeyGetsItsOwnQuotaGauges() {
        stubConversation();
        getConversation("c_1");
        String newKey = "vlk_" + "N".repeat(44) + "w9Zq";
        VelaroComponent velaro = context.getComponent("velaro", VelaroComponent.class);
        assertThat(velaro.replaceApiKey(MASKED_KEY, newKey)).isEqualTo(1);

        getConversation("c_1");

        assertThat(registry.get(MicrometerMetrics.QUOTA_REMAINING).tag(MicrometerMetrics.KEY_TAG, "vlk_…w9Zq")
                .tag(MicrometerMetrics.WINDOW_TAG, "day").gauge().value()).isEqualTo(1000 - 2);
        assertThat(quota("day")).as("the old key's gauge stays, on the component's shared daily count")
                .isEqualTo(1000 - 2);
        assertThat(velaro.activity().keys()).extracting(WatchedKey::masked)
                .containsExactlyInAnyOrder(MASKED_KEY, "vlk_…w9Zq");
        StringBuilder tags = new StringBuilder();
        registry.getMeters().forEach(m -> tags.append(m.getId()).append('\n'));
        assertThat(tags.toString()).doesNotContain(newKey).doesNotContain("N".repeat(10));
    }

    @Test
    void aRequestHeldByTheGovernorIsTimedAsAWait() throws Exception {
        wireMock.stubFor(get(urlPathEqualTo("/v1/conversations")).willReturn(aResponse().withStatus(200)
                .withHeader("X-RateLimit-Remaining", "0").withHeader("X-RateLimit-Reset", "20")
                .withBody(Fixtures.page(1, 100, false))));
        String list = velaro("conversations", "operation=list");
        template.send(list, e -> {
        });
        assertThat(registry.get(MicrometerMetrics.GOVERNOR_WAITS).timer().count()).isZero();

        CompletableFuture<Exchange> held = template.asyncSend(list, e -> {
        });
        io.github.camelvelaro.velaro.VelaroEndpoint listing
                = context.getEndpoint(list, io.github.camelvelaro.velaro.VelaroEndpoint.class);
        await().atMost(Duration.ofSeconds(5))
                .until(() -> context.getComponent("velaro", VelaroComponent.class).governor()
                        .snapshot(io.github.camelvelaro.velaro.client.ApiKey.of(KEY, "apiKey"),
                                listing.getConfiguration().rateLimits(listing.getAccount()))
                        .blockedUntil() != null);
        clock.advance(Duration.ofSeconds(21));
        assertThat(held.get(5, TimeUnit.SECONDS).getException()).isNull();

        assertThat(registry.get(MicrometerMetrics.GOVERNOR_WAITS).timer().count()).isEqualTo(1);
        assertThat(requests("listConversations", "200")).isEqualTo(2);
    }

    @Test
    void pollLagIsNowMinusTheCursor() throws Exception {
        Instant start = Instant.parse("2026-01-01T00:00:00Z");
        wireMock.stubFor(get(urlPathEqualTo("/v1/conversations")).willReturn(aResponse().withStatus(200)
                .withBody(Fixtures.page(1, 100, false))));
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from(velaro("conversations", "startFrom=" + start + "&delay=600000")).routeId("poll").to("mock:out");
            }
        });
        Instant before = clock.instant();

        await().atMost(Duration.ofSeconds(10)).until(() -> !registry.find(MicrometerMetrics.POLL_LAG).timeGauges()
                .isEmpty()
                && !Double.isNaN(registry.get(MicrometerMetrics.POLL_LAG).timeGauge().value(TimeUnit.SECONDS)));

        var lag = registry.get(MicrometerMetrics.POLL_LAG).tag(MicrometerMetrics.ROUTE_ID_TAG, "poll")
                .tag(MicrometerMetrics.POLLER_TAG, "velaro:conversations").timeGauge();
        assertThat(lag.value(TimeUnit.SECONDS)).isGreaterThanOrEqualTo(Duration.between(start, before).toSeconds());

        context.getRouteController().stopRoute("poll");
        assertThat(registry.find(MicrometerMetrics.POLL_LAG).timeGauges()).as("removed when the poller stops")
                .isEmpty();
    }

    @Test
    void theDevConsoleShowsQuotaPollersErrorsAndTheBudgetWithoutSecrets() throws Exception {
        stubConversation();
        getConversation("c_1");
        getConversation("nope");
        triggerWorkflow();
        wireMock.stubFor(get(urlPathEqualTo("/v1/conversations")).willReturn(aResponse().withStatus(200)
                .withBody(Fixtures.page(1, 100, false))));
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from(velaro("conversations", "startFrom=2026-01-01T00:00:00Z&delay=600000")).routeId("poll")
                        .to("mock:out");
            }
        });
        VelaroComponent velaro = context.getComponent("velaro", VelaroComponent.class);
        await().atMost(Duration.ofSeconds(10))
                .until(() -> !velaro.activity().pollers().isEmpty() && velaro.activity().pollers().stream()
                        .allMatch(p -> p.lastSuccessfulPoll().get() != null));

        DevConsole console = PluginHelper.getDevConsoleResolver(context).resolveDevConsole("velaro");
        assertThat(console).as("registered under META-INF/services/org/apache/camel/dev-console/velaro")
                .isInstanceOf(VelaroDevConsole.class);

        String text = (String) console.call(DevConsole.MediaType.TEXT, Map.of());
        assertThat(text).contains("Component velaro")
                .contains(MASKED_KEY + " (")
                .containsPattern("\\d+ of 60 left this minute · 997 of 1000 left today \\(UTC\\) · 9000 left this month")
                .contains("poll  velaro:conversations  key " + MASKED_KEY + "  cursor 2026-01-01T00:00:00Z  lag ")
                .contains("getConversation 404: ")
                .contains("Requests per hour, ")
                .contains(": 3 of 1000 (0%), hour ");
        assertNoSecret(text);

        JsonObject json = (JsonObject) console.call(DevConsole.MediaType.JSON, Map.of());
        String jsonText = json.toJson();
        JsonObject component = (JsonObject) json.getCollection("components").iterator().next();
        assertThat(component.getString("name")).isEqualTo("velaro");
        JsonObject quota = (JsonObject) component.getCollection("quota").iterator().next();
        assertThat(quota.getString("key")).isEqualTo(MASKED_KEY);
        assertThat(quota.getInteger("dailyRemaining")).isEqualTo(997);
        JsonObject poller = (JsonObject) component.getCollection("pollers").iterator().next();
        assertThat(poller.getString("routeId")).isEqualTo("poll");
        assertThat(poller.getString("cursor")).isEqualTo("2026-01-01T00:00:00Z");
        assertThat(poller.getLong("lagMillis")).isPositive();
        JsonObject error = (JsonObject) component.getCollection("errors").iterator().next();
        assertThat(error.getInteger("status")).isEqualTo(404);
        JsonObject budget = component.getMap("budget") instanceof JsonObject b ? b : null;
        assertThat(budget).isNotNull();
        assertThat(budget.getLong("used")).isEqualTo(3);
        assertThat((java.util.Collection<?>) budget.getCollection("requestsPerHour")).hasSize(24);
        assertNoSecret(jsonText);
    }

    @Test
    void noMeterNameOrTagHoldsASecret() {
        stubConversation();
        getConversation("c_1");
        getConversation("nope");
        triggerWorkflow();

        List<String> texts = new ArrayList<>();
        for (Meter meter : registry.getMeters()) {
            texts.add(meter.getId().getName());
            for (Tag tag : meter.getId().getTags()) {
                texts.add(tag.getKey() + "=" + tag.getValue());
            }
        }
        assertThat(texts).anyMatch(t -> t.equals("key=" + MASKED_KEY)).anyMatch(t -> t.startsWith("camel.velaro."));
        assertNoSecret(String.join("\n", texts));
        assertThat(wireMock.findAll(anyRequestedFor(anyUrl())).size()).isEqualTo(3);
    }

    private static void assertNoSecret(String text) {
        assertThat(text).doesNotContain(KEY).doesNotContain(KEY_SECRET_PART).doesNotContain(TRIGGER_SECRET)
                .doesNotContain(TRIGGER_PATH);
    }
}
