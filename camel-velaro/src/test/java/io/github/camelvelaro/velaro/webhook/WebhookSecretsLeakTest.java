package io.github.camelvelaro.velaro.webhook;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;

import io.github.camelvelaro.velaro.LogCapture;
import io.github.camelvelaro.velaro.VelaroEndpoint;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.webhook.WebhookEndpoint;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

/**
 * The webhook secret appears in no log line (our loggers at TRACE, Camel's at DEBUG), exception, toString() or HTTP
 * answer, across good and bad deliveries and a failed start.
 */
class WebhookSecretsLeakTest extends WebhookTestSupport {

    @Test
    void secretNeverShows() throws Exception {
        String uri = "webhook:velaro:events?webhookSecret=RAW(" + SECRET + ")&webhookPath=/hooks/velaro&maxBodySize=2000";
        AtomicBoolean fail = new AtomicBoolean(true);
        StringBuilder seen = new StringBuilder();
        List<HttpResponse<String>> responses = new ArrayList<>();
        try (LogCapture logs = LogCapture.all()) {
            addRoutes(new RouteBuilder() {
                @Override
                public void configure() {
                    from(uri).routeId("events")
                            .process(e -> {
                                if (fail.getAndSet(false)) {
                                    throw new IllegalStateException("route failed once");
                                }
                            })
                            .to("mock:events");
                }
            });
            String body = event("evt_1", "conversation.resolved", conversation("c_1"));
            long now = NOW.getEpochSecond();
            responses.add(deliverSigned("/hooks/velaro", body, "evt_1"));      // route fails: 500
            responses.add(deliverSigned("/hooks/velaro", body, "evt_1"));      // redelivery: 204
            responses.add(deliverSigned("/hooks/velaro", body, "evt_1"));      // duplicate: 204
            responses.add(deliver("/hooks/velaro", body, "evt_2", now, sign(WebhookVerifierTest.OTHER_SECRET, "evt_2",
                    now, body)));                                                // 401
            responses.add(deliver("/hooks/velaro", body, "evt_2", now - 3600, sign(SECRET, "evt_2", now - 3600, body)));
            responses.add(deliverSigned("/hooks/velaro", "{broken", "evt_3")); // 400
            responses.add(post("/hooks/velaro", "x".repeat(3000).getBytes(StandardCharsets.UTF_8), Map.of())); // 413
            assertThat(responses).extracting(HttpResponse::statusCode).containsExactly(500, 204, 204, 401, 401, 400, 413);

            Throwable badStart = catchThrowable(() -> addRoutes(new RouteBuilder() {
                @Override
                public void configure() {
                    from("webhook:velaro:transcripts?webhookPath=/t&webhookSecret=RAW(whsec_" + SECRET_KEY_PART
                         + "%%)").to("mock:t");
                }
            }));
            for (Throwable t = badStart; t != null; t = t.getCause()) {
                seen.append(t).append('\n');
            }
            WebhookEndpoint webhook = context.getEndpoint(uri, WebhookEndpoint.class);
            VelaroEndpoint velaro = (VelaroEndpoint) webhook.getEndpoint();
            seen.append(webhook).append('\n').append(velaro).append('\n').append(velaro.getConfiguration()).append('\n')
                    .append(context.getRoutes()).append('\n').append(context.getEndpoints()).append('\n');
            context.getRouteController().stopRoute("events");
            seen.append(logs.text());
        }
        for (HttpResponse<String> response : responses) {
            seen.append(response.body()).append(response.headers().map()).append('\n');
        }

        String everything = seen.toString();
        assertThat(everything).contains("Refused a delivery to webhook:velaro:events with 401")
                .contains("route failed once");
        assertThat(everything).doesNotContain(SECRET_KEY_PART).doesNotContain(SECRET_KEY_PART.substring(0, 12));
    }
}
