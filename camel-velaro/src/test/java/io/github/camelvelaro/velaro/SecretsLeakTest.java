package io.github.camelvelaro.velaro;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;


import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import io.github.camelvelaro.velaro.client.ApiKey;
import io.github.camelvelaro.velaro.client.HttpClientSettings;
import io.github.camelvelaro.velaro.client.RateGovernor;
import io.github.camelvelaro.velaro.client.RateLimits;
import io.github.camelvelaro.velaro.client.RedactedException;
import io.github.camelvelaro.velaro.client.VelaroClient;
import io.github.camelvelaro.velaro.exception.VelaroConnectionException;
import io.github.camelvelaro.velaro.client.WorkflowTrigger;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.HttpClientBuilder;
import org.junit.jupiter.api.Test;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

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
    void theProxyPasswordAppearsInNoLogExceptionOrDescription() throws Exception {
        String password = "Pr0xyPa55w0rdN3verShown";
        com.github.tomakehurst.wiremock.WireMockServer proxy = new com.github.tomakehurst.wiremock.WireMockServer(
                com.github.tomakehurst.wiremock.core.WireMockConfiguration.options().dynamicPort()
                        .bindAddress("127.0.0.1"));
        proxy.start();
        // a proxy that refuses the credentials it is given: the failure is reported, the password is not
        proxy.stubFor(any(anyUrl()).willReturn(aResponse().withStatus(407)
                .withHeader("Proxy-Authenticate", "Basic realm=\"proxy\"").withBody("bad password")));
        StringBuilder seen = new StringBuilder();
        try (LogCapture logs = LogCapture.all();
             org.apache.camel.CamelContext camel = new org.apache.camel.impl.DefaultCamelContext()) {
            VelaroComponent velaro = new VelaroComponent();
            velaro.setProxyHost("127.0.0.1");
            velaro.setProxyPort(proxy.port());
            velaro.setProxyAuthUsername("proxy-user");
            velaro.setProxyAuthPassword(password);
            camel.addComponent("velaro", velaro);
            camel.start();
            String uri = velaro("conversations", "operation=get&maxRetries=0");
            Exchange out = camel.createProducerTemplate().send(uri,
                    e -> e.getMessage().setHeader(VelaroConstants.CONVERSATION_ID, "c_1"));

            assertThat(out.getException()).isNotNull();
            for (Throwable t = out.getException(); t != null; t = t.getCause()) {
                seen.append(t).append('\n');
            }
            seen.append(velaro).append('\n').append(camel.getEndpoint(uri)).append('\n')
                    .append(new HttpClientSettings(null, "127.0.0.1", proxy.port(), "proxy-user", password, 1, 1, null))
                    .append('\n');
            camel.stop();
            seen.append(logs.text());
        } finally {
            proxy.stop();
        }
        assertThat(seen.toString()).contains("407").doesNotContain(password).doesNotContain(password.substring(0, 10));
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

    /** A token as the sandbox makes them: 32 random bytes, base64url. */
    private static final String TOKEN = "q3Vx9_Lm2Rt8Kp4Zw7Yb1Nc6Hd0Fs5Gj-Ae3Ui8Oy2T";
    private static final String TRIGGER_PATH = "/hooks/workflows/" + TOKEN;

    /** The token, and pieces of it long enough to matter. */
    private static void assertNoToken(String text) {
        assertThat(text).doesNotContain(TOKEN).doesNotContain(TOKEN.substring(0, 12))
                .doesNotContain(TOKEN.substring(TOKEN.length() - 12));
    }

    /** Every message and description in the chain of causes. */
    private static String chain(Throwable failure) {
        StringBuilder sb = new StringBuilder();
        for (Throwable t = failure; t != null; t = t.getCause()) {
            sb.append(t).append(" / ").append(t.getMessage()).append('\n');
            for (Throwable suppressed : t.getSuppressed()) {
                sb.append(suppressed).append('\n');
            }
        }
        return sb.toString();
    }

    @Test
    void theTriggerTokenIsScrubbedWhenAnErrorBodyQuotesOnlyItOrPartOfThePath() throws Exception {
        String[][] quotes = {
                { "alone", "{\"error\":{\"code\":\"disabled\",\"message\":\"trigger " + TOKEN + " is disabled\"}}" },
                { "path", "no workflow listens on workflows/" + TOKEN + " (hooks v2)" },
                { "segment", "unknown hook '" + TOKEN + "'" },
                { "prefix", "token " + TOKEN.substring(0, 14) + "... expired" } };
        for (String[] quote : quotes) {
            wireMock.stubFor(post(TRIGGER_PATH).withRequestBody(containing(quote[0]))
                    .willReturn(aResponse().withStatus(400).withBody(quote[1])));
        }
        String workflow = "velaro:workflows?triggerUrl=RAW(http://127.0.0.1:" + wireMock.port() + TRIGGER_PATH + ")";
        StringBuilder seen = new StringBuilder();

        try (LogCapture logs = LogCapture.all()) {
            for (String[] quote : quotes) {
                Exchange out = template.send(workflow, e -> e.getMessage().setBody("{\"case\":\"" + quote[0] + "\"}"));

                assertThat(out.getException()).as(quote[0]).hasMessageStartingWith("Velaro answered 400 Bad Request "
                                                                               + "to POST workflow trigger on 127.0.0.1: ");
                seen.append(chain(out.getException()));
            }
            seen.append(logs.text());
        }

        assertNoToken(seen.toString());
        // what is not secret stays readable
        assertThat(seen.toString()).contains("trigger ****** is disabled [code=disabled]")
                .contains("no workflow listens on workflows/****** (hooks v2)").contains("token ******... expired");
    }

    @Test
    void anIoExceptionQuotingTheTriggerUrlIsScrubbedThroughTheWholeChain() {
        String url = "https://hooks.example.com" + TRIGGER_PATH;
        ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor();
        VelaroClient client = new VelaroClient(failingHttpClient(), Duration.ofSeconds(5), null, null,
                Duration.ofSeconds(5), 1024,
                new RateGovernor(Clock.systemUTC(), scheduler), RateLimits.DEFAULTS, Runnable::run);
        try (LogCapture logs = LogCapture.all()) {
            CompletableFuture<?> sent = client.triggerWorkflow(WorkflowTrigger.of(url, "triggerUrl"),
                    "{}".getBytes(StandardCharsets.UTF_8));

            assertThatThrownBy(sent::join).isInstanceOf(CompletionException.class);
            Throwable failure = VelaroClient.unwrap(sent.handle((r, t) -> t).join());
            assertThat(failure).isInstanceOf(VelaroConnectionException.class)
                    .hasMessageStartingWith("POST workflow trigger on hooks.example.com got no response from Velaro "
                                            + "(IOException: proxy refused ****** (tunnel to ******))");
            Throwable cause = failure.getCause();
            assertThat(cause).isInstanceOf(RedactedException.class)
                    .hasToString("java.io.IOException: proxy refused ****** (tunnel to ******)");
            assertThat(((RedactedException) cause).getOriginalClassName()).isEqualTo("java.io.IOException");
            assertThat(cause.getStackTrace()).isNotEmpty();
            assertThat(cause.getStackTrace()[0].getClassName()).startsWith(SecretsLeakTest.class.getName());
            assertThat(cause.getCause()).hasToString("java.net.SocketException: reset while sending to ******");
            assertNoToken(chain(failure));
            assertNoToken(logs.text());
        } finally {
            scheduler.shutdownNow();
        }
    }

    /** A client whose every send fails with an I/O error quoting the URI, as some proxies and TLS stacks do. */
    static CloseableHttpClient failingHttpClient() {
        return HttpClientBuilder.create().addExecInterceptorFirst("fail", (request, scope, chain) -> {
            String path = request.getPath();
            IOException failure = new IOException("proxy refused " + request.getScheme() + "://"
                                                  + request.getAuthority() + path + " (tunnel to "
                                                  + path.substring(path.lastIndexOf('/') + 1) + ")");
            failure.initCause(new java.net.SocketException("reset while sending to " + path));
            throw failure;
        }).build();
    }
}
