package io.github.camelvelaro.velaro.metrics;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.github.camelvelaro.velaro.console.VelaroDevConsole;
import io.github.camelvelaro.velaro.webhook.WebhookTestSupport;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.Tag;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.apache.camel.CamelContext;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.console.DevConsole;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Webhook verification failures and duplicates as meters, and in the dev console's last errors, without the secret. */
class WebhookMetricsTest extends WebhookTestSupport {

    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();

    @Override
    protected CamelContext createCamelContext() throws Exception {
        CamelContext camel = super.createCamelContext();
        // the only MeterRegistry in the registry, under another name: found by type, as camel-micrometer does
        camel.getRegistry().bind("meters", registry);
        return camel;
    }

    private void routes() throws Exception {
        addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from("webhook:velaro:events?webhookSecret=RAW(" + SECRET + ")&webhookPath=/velaro/events")
                        .routeId("events").to("mock:events");
                from("webhook:velaro:events?webhookSecret=RAW(" + SECRET + ")&webhookPath=/velaro/crm"
                     + "&reconcileGroup=crm").routeId("crm").to("mock:crm");
            }
        });
    }

    private double duplicates(String reason) {
        return registry.get(MicrometerMetrics.WEBHOOK_DUPLICATES).tag(MicrometerMetrics.RESOURCE_TAG, "events")
                .tag(MicrometerMetrics.REASON_TAG, reason).counter().count();
    }

    @Test
    void verificationFailuresAndDuplicatesAreCounted() throws Exception {
        routes();
        String body = event("evt_1", "conversation.resolved", conversation("c_1"));
        long now = NOW.getEpochSecond();

        assertThat(deliver("/velaro/events", body, "evt_1", now, sign(SECRET, "evt_1", now, body.replace("c_1", "c_2")))
                .statusCode()).isEqualTo(401);
        assertThat(deliverSigned("/velaro/events", body, "evt_1").statusCode()).isEqualTo(204);
        assertThat(deliverSigned("/velaro/events", body, "evt_1").statusCode()).isEqualTo(204);
        // the crm group: the same version again under a new event id is recognised by its version
        assertThat(deliverSigned("/velaro/crm", body, "evt_1").statusCode()).isEqualTo(204);
        String again = event("evt_9", "conversation.resolved", conversation("c_1"));
        assertThat(deliverSigned("/velaro/crm", again, "evt_9").statusCode()).isEqualTo(204);

        assertThat(getMockEndpoint("mock:events").getReceivedCounter()).isEqualTo(1);
        assertThat(getMockEndpoint("mock:crm").getReceivedCounter()).isEqualTo(1);
        assertThat(registry.get(MicrometerMetrics.WEBHOOK_VERIFICATION_FAILURES)
                .tag(MicrometerMetrics.RESOURCE_TAG, "events")
                .tag(MicrometerMetrics.CAMEL_CONTEXT_TAG, context.getName()).counter().count()).isEqualTo(1);
        assertThat(duplicates("completed")).isEqualTo(1);
        assertThat(duplicates("reconciled")).isEqualTo(1);

        VelaroDevConsole console = new VelaroDevConsole();
        console.setCamelContext(context);
        String text = (String) console.call(DevConsole.MediaType.TEXT, Map.of());
        assertThat(text).contains("webhook:events 401: signature verification failed");

        List<String> texts = new ArrayList<>(List.of(text));
        for (Meter meter : registry.getMeters()) {
            texts.add(meter.getId().getName());
            for (Tag tag : meter.getId().getTags()) {
                texts.add(tag.getKey() + "=" + tag.getValue());
            }
        }
        assertThat(String.join("\n", texts)).doesNotContain(SECRET_KEY_PART).doesNotContain(SECRET);
    }
}
