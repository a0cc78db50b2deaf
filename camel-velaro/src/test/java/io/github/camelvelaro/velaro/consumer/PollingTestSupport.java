package io.github.camelvelaro.velaro.consumer;

import java.util.List;
import java.util.stream.Collectors;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import io.github.camelvelaro.velaro.MutableClock;
import io.github.camelvelaro.velaro.VelaroComponent;
import io.github.camelvelaro.velaro.VelaroTestSupport;
import io.github.camelvelaro.velaro.client.ApiKey;
import io.github.camelvelaro.velaro.model.Contact;
import io.github.camelvelaro.velaro.model.Conversation;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.mock.MockEndpoint;
import org.apache.camel.test.junit5.CamelTestSupport;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static org.awaitility.Awaitility.await;

/**
 * A CamelContext whose velaro component runs on a hand-moved clock, and a WireMock server on loopback whose list
 * endpoints are answered by a {@link VelaroFeed} (stubs added by a test take precedence).
 */
public abstract class PollingTestSupport extends CamelTestSupport {

    public static final String KEY = VelaroTestSupport.KEY;
    /** Where a conversations poller without siteId or status keeps its offset. */
    protected static final String CONVERSATIONS_OFFSET = "velaro:default:conversations";
    protected static final VelaroFeed FEED = new VelaroFeed();
    protected static WireMockServer wireMock;

    protected final MutableClock clock = new MutableClock();

    @BeforeAll
    static void startServer() {
        wireMock = new WireMockServer(WireMockConfiguration.options().dynamicPort().bindAddress("127.0.0.1")
                .extensions(FEED));
        wireMock.start();
    }

    @AfterAll
    static void stopServer() {
        wireMock.stop();
    }

    @BeforeEach
    void resetServer() {
        wireMock.resetAll();
        FEED.clear();
        wireMock.stubFor(get(urlPathMatching("(/[A-Za-z]+)?/v1/(conversations|contacts)")).atPriority(10)
                .willReturn(aResponse().withTransformers(VelaroFeed.NAME)));
    }

    @Override
    protected CamelContext createCamelContext() throws Exception {
        CamelContext context = super.createCamelContext();
        VelaroComponent velaro = new VelaroComponent();
        velaro.setClock(clock);
        context.addComponent("velaro", velaro);
        return context;
    }

    protected static String baseUrl() {
        return "http://127.0.0.1:" + wireMock.port() + "/v1";
    }

    /** A poller URI with the test key, the WireMock base URL and no initial delay. */
    protected static String velaro(String resource, String options) {
        return "velaro:" + resource + "?apiKey=RAW(" + KEY + ")&baseUrl=" + baseUrl() + "&initialDelay=0"
               + (options == null || options.isEmpty() ? "" : "&" + options);
    }

    /** Starts {@code from(uri).routeId(routeId).to("mock:" + routeId)}. */
    protected void pollInto(String routeId, String uri) throws Exception {
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from(uri).routeId(routeId).to("mock:" + routeId);
            }
        });
    }

    protected VelaroPollingConsumer consumer(String routeId) {
        return (VelaroPollingConsumer) context.getRoute(routeId).getConsumer();
    }

    /** {@code id@updatedAt} of each exchange the mock received, in order. */
    protected static List<String> delivered(MockEndpoint mock) {
        return mock.getExchanges().stream().map(PollingTestSupport::describe).collect(Collectors.toList());
    }

    protected static String describe(Exchange exchange) {
        Object body = exchange.getMessage().getBody();
        if (body instanceof Conversation c) {
            return c.getId() + "@" + c.getUpdatedAt();
        }
        if (body instanceof Contact c) {
            return c.getId() + "@" + c.getUpdatedAt();
        }
        return String.valueOf(body);
    }

    /** {@code 2026-11-27T10:00:<second>Z}. */
    protected static String t(int second) {
        return String.format("2026-11-27T10:00:%02dZ", second);
    }

    /** Waits until the feed has answered {@code more} further list requests, i.e. that many more polls ran. */
    protected static void awaitMoreRequests(int more) {
        int before = FEED.requests().size();
        await().until(() -> FEED.requests().size() >= before + more);
    }

    /** The messages of a failure and its causes, one a line. */
    protected static String messages(Throwable failure) {
        StringBuilder all = new StringBuilder();
        for (Throwable t = failure; t != null; t = t.getCause()) {
            all.append(t.getMessage()).append('\n');
        }
        return all.toString();
    }

    /** The cursor in an offsetRepository value. */
    protected static PollCursor cursorIn(String stored) {
        return StoredCursor.decode(stored).cursor();
    }

    /** An offsetRepository value as a poller with {@link #KEY} writes it. */
    protected static String stored(PollCursor cursor) {
        return new StoredCursor(cursor, CursorOwner.of(ApiKey.of(KEY, "apiKey"))).encode();
    }

    /** The list requests of one resource, in order. */
    protected static List<VelaroFeed.ListRequest> requests(String resource) {
        return FEED.requests().stream().filter(r -> r.resource().equals(resource)).collect(Collectors.toList());
    }
}
