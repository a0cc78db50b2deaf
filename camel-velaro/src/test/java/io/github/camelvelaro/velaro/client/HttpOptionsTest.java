package io.github.camelvelaro.velaro.client;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.function.Consumer;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import com.sun.net.httpserver.HttpServer;
import io.github.camelvelaro.velaro.Fixtures;
import io.github.camelvelaro.velaro.VelaroComponent;
import io.github.camelvelaro.velaro.VelaroConstants;
import io.github.camelvelaro.velaro.VelaroTestSupport;
import io.github.camelvelaro.velaro.model.Conversation;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.impl.DefaultCamelContext;
import org.junit.jupiter.api.Test;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The HTTP options camel-http users expect, set on the component: a forward proxy with credentials, a configurer of
 * the Apache HttpClient builder, and the pool sizes. (TLS is tested against the sandbox serving HTTPS:
 * SandboxTlsTest.)
 */
class HttpOptionsTest extends VelaroTestSupport {

    private static final String CONVERSATION = Fixtures.conversationJson("c_1", "2026-11-27T10:15:30Z");
    private static final String PROXY_USER = "velaro-proxy-user";
    private static final String PROXY_PASSWORD = "s3cret-Proxy-Pa55";

    /** A camel context of its own, with the component set up by {@code setUp}. */
    private static Exchange getConversation(Consumer<VelaroComponent> setUp, String uri) throws Exception {
        try (CamelContext camel = new DefaultCamelContext()) {
            VelaroComponent velaro = new VelaroComponent();
            setUp.accept(velaro);
            camel.addComponent("velaro", velaro);
            camel.start();
            return camel.createProducerTemplate().request(uri,
                    e -> e.getMessage().setHeader(VelaroConstants.CONVERSATION_ID, "c_1"));
        }
    }

    @Test
    void requestsGoThroughTheForwardProxyWhichIsGivenItsCredentialsWhenItAsks() throws Exception {
        wireMock.stubFor(get("/v1/conversations/c_1").willReturn(aResponse().withStatus(200).withBody(CONVERSATION)));
        WireMockServer proxy = new WireMockServer(WireMockConfiguration.options().dynamicPort().bindAddress("127.0.0.1"));
        proxy.start();
        try {
            String basic = "Basic " + Base64.getEncoder().encodeToString(
                    (PROXY_USER + ":" + PROXY_PASSWORD).getBytes(StandardCharsets.UTF_8));
            proxy.stubFor(any(anyUrl()).atPriority(10).willReturn(aResponse().withStatus(407)
                    .withHeader("Proxy-Authenticate", "Basic realm=\"test proxy\"")));
            proxy.stubFor(any(anyUrl()).atPriority(1).withHeader("Proxy-Authorization", equalTo(basic))
                    .willReturn(aResponse().proxiedFrom("http://127.0.0.1:" + wireMock.port())));

            Exchange out = getConversation(velaro -> {
                velaro.setProxyHost("127.0.0.1");
                velaro.setProxyPort(proxy.port());
                velaro.setProxyAuthUsername(PROXY_USER);
                velaro.setProxyAuthPassword(PROXY_PASSWORD);
            }, velaro("conversations", "operation=get&maxRetries=0"));

            assertThat(out.getException()).isNull();
            assertThat(out.getMessage().getBody(Conversation.class).getId()).isEqualTo("c_1");
            // asked first without credentials (407), then with them; the request line carried the target's address
            assertThat(proxy.findAll(anyRequestedFor(anyUrl()))).hasSize(2)
                    .allSatisfy(r -> assertThat(r.getAbsoluteUrl()).endsWith("/v1/conversations/c_1"));
            assertThat(proxy.findAll(anyRequestedFor(anyUrl()).withHeader("Proxy-Authorization", equalTo(basic))))
                    .hasSize(1);
            wireMock.verify(1, getRequestedFor(urlEqualTo("/v1/conversations/c_1"))
                    .withHeader("Authorization", equalTo("Bearer " + KEY)));
        } finally {
            proxy.stop();
        }
    }

    @Test
    void withoutAProxyHostRequestsGoStraightToVelaro() throws Exception {
        wireMock.stubFor(get("/v1/conversations/c_1").willReturn(aResponse().withStatus(200).withBody(CONVERSATION)));

        Exchange out = getConversation(velaro -> { }, velaro("conversations", "operation=get"));

        assertThat(out.getException()).isNull();
        assertThat(wireMock.findAll(getRequestedFor(urlEqualTo("/v1/conversations/c_1")))).singleElement()
                .satisfies(r -> assertThat(r.containsHeader("Proxy-Authorization")).isFalse());
    }

    @Test
    void theHttpClientConfigurerAdjustsTheBuilderOfThePooledClient() throws Exception {
        wireMock.stubFor(get("/v1/conversations/c_1").willReturn(aResponse().withStatus(200).withBody(CONVERSATION)));

        Exchange out = getConversation(velaro -> velaro.setHttpClientConfigurer(builder -> builder
                .addRequestInterceptorLast((request, entity, context) -> request.addHeader("X-Tenant", "t-42"))),
                velaro("conversations", "operation=get"));

        assertThat(out.getException()).isNull();
        wireMock.verify(1, getRequestedFor(urlEqualTo("/v1/conversations/c_1")).withHeader("X-Tenant", equalTo("t-42")));
    }

    @Test
    void connectionsPerRouteBoundsTheConnectionsToOneHost() throws Exception {
        assertThat(connectionsUsedByFourConcurrentRequests(velaro -> velaro.setConnectionsPerRoute(1))).isEqualTo(1);
    }

    @Test
    void maxTotalConnectionsBoundsThePool() throws Exception {
        assertThat(connectionsUsedByFourConcurrentRequests(velaro -> velaro.setMaxTotalConnections(1))).isEqualTo(1);
    }

    @Test
    void theDefaultPoolOpensAConnectionPerConcurrentRequest() throws Exception {
        // what makes the two tests above able to fail: unbounded, four requests that overlap use four connections
        assertThat(connectionsUsedByFourConcurrentRequests(velaro -> { })).isGreaterThan(1);
    }

    /** The distinct client connections a server saw while four requests were sent at once (each answered slowly). */
    private static int connectionsUsedByFourConcurrentRequests(Consumer<VelaroComponent> setUp) throws Exception {
        Set<InetSocketAddress> clients = ConcurrentHashMap.newKeySet();
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.setExecutor(Executors.newFixedThreadPool(4));
        server.createContext("/v1/conversations/", exchange -> {
            clients.add(exchange.getRemoteAddress());
            try {
                Thread.sleep(300); // the requests overlap
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            byte[] body = CONVERSATION.getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        server.start();
        try (CamelContext camel = new DefaultCamelContext()) {
            VelaroComponent velaro = new VelaroComponent();
            setUp.accept(velaro);
            camel.addComponent("velaro", velaro);
            camel.start();
            String uri = "velaro:conversations?operation=get&apiKey=RAW(" + KEY + ")&baseUrl=http://127.0.0.1:"
                         + server.getAddress().getPort() + "/v1&readTimeout=20000";
            List<CompletableFuture<Exchange>> sent = new ArrayList<>();
            for (int i = 0; i < 4; i++) {
                sent.add(camel.createProducerTemplate().asyncSend(uri,
                        e -> e.getMessage().setHeader(VelaroConstants.CONVERSATION_ID, "c_1")));
            }
            for (CompletableFuture<Exchange> f : sent) {
                assertThat(f.get().getException()).isNull();
            }
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } finally {
            server.stop(0);
            ((java.util.concurrent.ExecutorService) server.getExecutor()).shutdownNow();
        }
        return clients.size();
    }
}
