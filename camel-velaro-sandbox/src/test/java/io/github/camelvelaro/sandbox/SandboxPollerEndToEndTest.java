package io.github.camelvelaro.sandbox;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;

import io.github.camelvelaro.sandbox.junit.VelaroSandboxExtension;
import io.github.camelvelaro.velaro.client.ListQuery;
import io.github.camelvelaro.velaro.model.Conversation;
import io.github.camelvelaro.velaro.model.CreateConversation;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.mock.MockEndpoint;
import org.apache.camel.test.junit5.CamelTestSupport;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The pollers against an independent emulator of Velaro: a frozen clock (so conversations tie on updatedAt and pages
 * must be walked within one instant), a conversation edited while its pages are read, and startFrom=now taken from
 * the sandbox's Date header rather than the local clock.
 */
class SandboxPollerEndToEndTest extends CamelTestSupport {

    private static final Instant SANDBOX_NOW = Instant.parse("2026-03-10T10:00:00Z");

    @RegisterExtension
    static VelaroSandboxExtension sandbox = new VelaroSandboxExtension(SandboxSettings.defaults()
            .withClock(SandboxClock.frozenAt(SANDBOX_NOW)));

    private String key;

    @BeforeEach
    void freshSite() {
        sandbox.reset();
        sandbox.clock().set(SANDBOX_NOW);
        key = sandbox.createReadOnlyKey();
    }

    private void pollInto(String options) throws Exception {
        String uri = "velaro:conversations?apiKey=RAW(" + key + ")&baseUrl=" + sandbox.baseUrl()
                     + "&initialDelay=0&delay=20&" + options;
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from(uri).to("mock:polled");
            }
        });
    }

    private static List<String> polled(MockEndpoint mock) {
        List<String> seen = new ArrayList<>();
        mock.getExchanges().forEach(e -> {
            Conversation c = e.getMessage().getBody(Conversation.class);
            seen.add(c.getId() + "@" + c.getUpdatedAt());
        });
        return seen;
    }

    private static String create(String message) {
        return sandbox.conversations().create(new CreateConversation(message)).getId();
    }

    private static void awaitMoreListRequests(int more) {
        int before = sandbox.journal().entries("GET", "/conversations").size();
        await().until(() -> sandbox.journal().entries("GET", "/conversations").size() >= before + more);
    }

    @Test
    void everyChangeIsPolledOnceWhenItemsTieAndOneMovesWhilePaging() throws Exception {
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            ids.add(create("Question " + i));
        }
        // right after page 1 is served, the first conversation gets a message: it moves to the end of the order
        String first = sandbox.conversations().list(ListQuery.page(1, 1)).getData().get(0).getId();
        sandbox.touchConversationAfterPage(first, 1);
        pollInto("startFrom=beginning&pageSize=5");

        MockEndpoint mock = getMockEndpoint("mock:polled");
        await().until(() -> mock.getReceivedCounter() >= 13);
        awaitMoreListRequests(3);

        List<String> seen = polled(mock);
        assertThat(new HashSet<>(seen)).as("no (id, updatedAt) twice").hasSameSizeAs(seen);
        assertThat(seen).hasSize(13);
        for (String id : ids) {
            Instant current = sandbox.conversations().get(id).orElseThrow().getUpdatedAt();
            assertThat(seen).as("the latest state of " + id).contains(id + "@" + current);
        }
        assertThat(seen.stream().filter(s -> s.startsWith(first + "@"))).hasSize(2);
    }

    @Test
    void startFromNowIsTheSandboxesTimeNotTheLocalClock() throws Exception {
        // the local clock is months after the sandbox's: starting from it would miss c_new
        sandbox.clock().set(SANDBOX_NOW.minusSeconds(60));
        create("before the poller started");
        sandbox.clock().set(SANDBOX_NOW);
        pollInto("pageSize=10");
        await().until(() -> !sandbox.journal().entries("GET", "/conversations").isEmpty());
        awaitMoreListRequests(1);

        sandbox.clock().advance(Duration.ofSeconds(30));
        String fresh = create("after the poller started");
        MockEndpoint mock = getMockEndpoint("mock:polled");
        await().until(() -> mock.getReceivedCounter() >= 1);
        awaitMoreListRequests(2);

        assertThat(polled(mock)).containsExactly(fresh + "@" + SANDBOX_NOW.plusSeconds(30));
    }
}
