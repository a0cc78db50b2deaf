package io.github.camelvelaro.velaro;

import java.util.Map;

import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import io.github.camelvelaro.velaro.client.ApiKey;
import io.github.camelvelaro.velaro.client.VelaroClient;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.junit.jupiter.api.Test;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The key, the webhook secret and the trigger URL appear in no log line (every logger at TRACE), exception message,
 * toString() or URL sent to Velaro, on success and failure paths alike.
 */
class SecretsLeakTest extends VelaroTestSupport {

    private static final String WEBHOOK_SECRET = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw";
    private static final String TRIGGER_SECRET = "Tr1gg3rS3cr3tP4th";
    /** Distinctive parts of the secrets, in case one is logged in pieces. */
    private static final String[] FORBIDDEN = { KEY, KEY.substring(4, 40), "MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw",
                                                TRIGGER_SECRET };

    @Test
    void noSecretAnywhereAcrossSuccessAndFailure() throws Exception {
        wireMock.stubFor(post("/v1/conversations").willReturn(aResponse().withStatus(201)
                .withBody(Fixtures.conversationJson("c_1", "2026-11-27T10:15:30Z"))));
        wireMock.stubFor(get("/v1/conversations/c_401").willReturn(aResponse().withStatus(401)
                // a careless server echoing the key back must not make us log it
                .withBody("{\"error\":{\"code\":\"invalid_key\",\"message\":\"key " + KEY + " is revoked\"}}")));
        wireMock.stubFor(get("/v1/conversations/c_500").willReturn(aResponse().withStatus(500)
                .withBody("Authorization: Bearer " + KEY)));
        wireMock.stubFor(post("/hooks/" + TRIGGER_SECRET).willReturn(aResponse().withStatus(400)
                .withBody("bad trigger /hooks/" + TRIGGER_SECRET)));

        String conversations = velaro("conversations", "webhookSecret=RAW(" + WEBHOOK_SECRET + ")");
        String getter = velaro("conversations", "operation=get&maxRetries=0");
        String workflow = "velaro:workflows?triggerUrl=RAW(http://127.0.0.1:" + wireMock.port() + "/hooks/"
                          + TRIGGER_SECRET + ")";
        StringBuilder seen = new StringBuilder();
        try (LogCapture logs = LogCapture.all()) {
            context.addRoutes(new RouteBuilder() {
                @Override
                public void configure() {
                    from("direct:create").routeId("create").to(conversations);
                    from("direct:get").routeId("get").to(getter);
                    from("direct:workflow").routeId("workflow").to(workflow);
                }
            });
            Exchange created = template.send("direct:create", e -> e.getMessage().setBody(Map.of("message", "hi")));
            Exchange unauthorized = template.send("direct:get",
                    e -> e.getMessage().setHeader(VelaroConstants.CONVERSATION_ID, "c_401"));
            Exchange serverError = template.send("direct:get",
                    e -> e.getMessage().setHeader(VelaroConstants.CONVERSATION_ID, "c_500"));
            Exchange badTrigger = template.send("direct:workflow", e -> e.getMessage().setBody("{}"));
            Exchange invalid = template.send("direct:create", e -> e.getMessage().setBody(Map.of("message", "")));

            assertThat(created.getException()).isNull();
            assertThat(unauthorized.getException()).hasMessageContaining("vlk_…");
            assertThat(serverError.getException()).isNotNull();
            assertThat(badTrigger.getException()).isNotNull();
            assertThat(invalid.getException()).isNotNull();
            for (Exchange e : new Exchange[] { created, unauthorized, serverError, badTrigger, invalid }) {
                seen.append(e).append('\n').append(e.getMessage().getHeaders()).append('\n');
                for (Throwable t = e.getException(); t != null; t = t.getCause()) {
                    seen.append(t).append('\n');
                }
            }
            VelaroEndpoint endpoint = context.getEndpoint(conversations, VelaroEndpoint.class);
            seen.append(endpoint).append('\n')
                    .append(endpoint.getConfiguration()).append('\n')
                    .append(context.getEndpoint(workflow)).append('\n')
                    .append(ApiKey.of(KEY, "apiKey")).append('\n')
                    .append(endpoint.createApi()).append('\n')
                    .append(context.getRoutes()).append('\n');
            context.getRouteController().stopRoute("create");
            seen.append(logs.text());
        }

        String everything = seen.toString();
        assertThat(everything).contains("vlk_…" + KEY.substring(KEY.length() - 4));
        for (String secret : FORBIDDEN) {
            assertThat(everything).doesNotContain(secret);
        }
        for (ServeEvent event : wireMock.getAllServeEvents()) {
            assertThat(event.getRequest().getUrl()).doesNotContain("vlk_").doesNotContain(KEY.substring(4, 20));
        }
        assertThat(wireMock.findAll(com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor(anyUrl())))
                .hasSizeGreaterThanOrEqualTo(4);
    }

    @Test
    void keyTravelsOnlyInTheAuthorizationHeader() {
        wireMock.stubFor(any(anyUrl()).willReturn(aResponse().withStatus(200)
                .withBody(Fixtures.page(1, 100, false))));

        template.send(velaro("conversations", "operation=list"), e -> { });

        ServeEvent event = wireMock.getAllServeEvents().get(0);
        assertThat(event.getRequest().getHeader("Authorization")).isEqualTo("Bearer " + KEY);
        event.getRequest().getHeaders().all().stream()
                .filter(h -> !h.key().equalsIgnoreCase("Authorization"))
                .forEach(h -> assertThat(h.values().toString()).doesNotContain(KEY.substring(4, 20)));
        assertThat(event.getRequest().getUrl()).doesNotContain(KEY.substring(4, 20));
        assertThat(event.getRequest().getBodyAsString()).doesNotContain(KEY.substring(4, 20));
        assertThat(VelaroClient.class).isNotNull();
    }
}
