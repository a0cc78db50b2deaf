package io.github.camelvelaro.sandbox;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import io.github.camelvelaro.sandbox.activity.ActivityStep;
import io.github.camelvelaro.sandbox.junit.VelaroSandboxExtension;
import io.github.camelvelaro.sandbox.webhooks.DeliveryAttempt;
import io.github.camelvelaro.velaro.model.Conversation;
import io.github.camelvelaro.velaro.model.VelaroEvent;
import org.apache.camel.CamelContext;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.platform.http.vertx.VertxPlatformHttpServer;
import org.apache.camel.component.platform.http.vertx.VertxPlatformHttpServerConfiguration;
import org.apache.camel.test.junit5.CamelTestSupport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Webhooks for speed, polling to reconcile, against the sandbox: a busy site creates and updates conversations while
 * fault injection loses a fifth of the webhook deliveries for good (Velaro never retries them), and a poller of the
 * same {@code reconcileGroup} runs beside the webhook consumer. At the end every conversation's final version has
 * reached the route, at most 1% of the versions received arrived twice, and the requests the reconciliation poller
 * spent are counted from the sandbox's journal. The figures are logged (docs/benchmarks.md quotes them).
 */
class SandboxReconciliationEndToEndTest extends CamelTestSupport {

    private static final Logger LOG = LoggerFactory.getLogger(SandboxReconciliationEndToEndTest.class);
    private static final int CHANGES = 500;
    private static final int LOSS_PERCENT = 20;
    private static final long POLL_DELAY_MS = 300;
    /** Longer than the webhooks' lag here (the sandbox sends one at a time; figures below): no race with them. */
    private static final long GRACE_MS = 3000;

    @RegisterExtension
    static VelaroSandboxExtension sandbox = new VelaroSandboxExtension(SandboxSettings.defaults().withSeed(14));

    /** A version the route received, and the channel that brought it. */
    private record Received(String id, Instant updatedAt, String channel) {
        String version() {
            return id + "@" + updatedAt;
        }
    }

    private final List<Received> received = Collections.synchronizedList(new ArrayList<>());
    private VertxPlatformHttpServer server;

    @Override
    protected CamelContext createCamelContext() throws Exception {
        CamelContext camel = super.createCamelContext();
        VertxPlatformHttpServerConfiguration conf = new VertxPlatformHttpServerConfiguration();
        conf.setBindHost("127.0.0.1");
        conf.setBindPort(0);
        server = new VertxPlatformHttpServer(conf);
        camel.addService(server);
        return camel;
    }

    @Override
    protected RouteBuilder createRouteBuilder() {
        String velaro = "apiKey=RAW(" + sandbox.createReadOnlyKey() + ")&baseUrl=" + sandbox.baseUrl();
        return new RouteBuilder() {
            @Override
            public void configure() {
                from("webhook:velaro:events?webhookSecret=RAW(" + sandbox.webhookSecret() + ")"
                     + "&webhookPath=/velaro/events&reconcileGroup=crm")
                        .routeId("webhooks")
                        .process(e -> {
                            Conversation c = e.getMessage().getBody(VelaroEvent.class).getConversation();
                            if (c != null) {
                                received.add(new Received(c.getId(), c.getUpdatedAt(), "webhook"));
                            }
                        });
                from("velaro:conversations?" + velaro + "&reconcileGroup=crm&startFrom=beginning&initialDelay=0"
                     + "&delay=" + POLL_DELAY_MS + "&reconcileGrace=" + GRACE_MS)
                        .routeId("reconcile")
                        .process(e -> {
                            Conversation c = e.getMessage().getBody(Conversation.class);
                            received.add(new Received(c.getId(), c.getUpdatedAt(), "poll"));
                        });
            }
        };
    }

    @Test
    void noConversationIsLostAndAtMostOnePercentArrivesTwiceWhenAFifthOfTheWebhooksAreLost() throws Exception {
        sandbox.registerWebhook("http://127.0.0.1:" + server.getServer().actualPort() + "/velaro/events");
        sandbox.faults().dropWebhookDeliveries(LOSS_PERCENT, 14);
        long started = System.nanoTime();

        Set<String> conversations = new LinkedHashSet<>();
        for (int i = 0; i < CHANGES; i++) {
            ActivityStep step = sandbox.activity().tick();
            if (step.action().startsWith("conversation.")) {
                conversations.add(step.id());
            }
            Thread.sleep(6);
        }
        Map<String, Instant> finalVersions = new HashMap<>();
        conversations.forEach(id -> finalVersions.put(id, sandbox.conversations().get(id).orElseThrow().getUpdatedAt()));
        Set<String> expected = finalVersions.entrySet().stream().map(e -> e.getKey() + "@" + e.getValue())
                .collect(Collectors.toSet());

        assertThat(sandbox.webhooks().awaitIdle(Duration.ofSeconds(30))).isTrue();
        // the grace runs on Velaro's clock (its Date header): let it pass there rather than wait for it
        sandbox.clock().advance(Duration.ofMillis(GRACE_MS));
        await().atMost(Duration.ofSeconds(30)).until(() -> versionsReceived().containsAll(expected));
        // two more polls after the last version arrived: a late duplicate would show now
        int polls = sandbox.journal().entries("GET", "/conversations").size();
        await().atMost(Duration.ofSeconds(30))
                .until(() -> sandbox.journal().entries("GET", "/conversations").size() >= polls + 2);
        context.getRouteController().stopAllRoutes();
        double seconds = (System.nanoTime() - started) / 1e9;

        List<Received> all;
        synchronized (received) {
            all = List.copyOf(received);
        }
        Set<String> distinct = all.stream().map(Received::version).collect(Collectors.toSet());
        int duplicates = all.size() - distinct.size();
        Set<String> lost = new HashSet<>(expected);
        lost.removeAll(distinct);

        // what the webhooks brought and missed
        List<VelaroEvent> conversationEvents = sandbox.webhooks().events().stream()
                .filter(e -> e.getConversation() != null).toList();
        Set<String> lostEventIds = new HashSet<>(sandbox.webhooks().lost());
        Set<String> lostEventVersions = conversationEvents.stream().filter(e -> lostEventIds.contains(e.getId()))
                .map(SandboxReconciliationEndToEndTest::version).collect(Collectors.toSet());
        Set<String> eventVersions = conversationEvents.stream().map(SandboxReconciliationEndToEndTest::version)
                .collect(Collectors.toSet());
        Set<String> acknowledgedEventIds = sandbox.webhooks().attempts().stream().filter(DeliveryAttempt::acknowledged)
                .map(DeliveryAttempt::id).collect(Collectors.toSet());
        List<Received> polled = all.stream().filter(r -> r.channel().equals("poll")).toList();
        long polledAfterLostWebhook = polled.stream().filter(r -> lostEventVersions.contains(r.version())).count();
        long polledWithoutEvent = polled.stream().filter(r -> !eventVersions.contains(r.version())).count();
        long webhooksPassedOn = all.stream().filter(r -> r.channel().equals("webhook")).count();
        long conversationEventsAcknowledged = conversationEvents.stream()
                .filter(e -> acknowledgedEventIds.contains(e.getId())).count();
        int requests = sandbox.journal().entries("GET", "/conversations").size();
        Map<String, Instant> createdAt = conversationEvents.stream()
                .collect(Collectors.toMap(VelaroEvent::getId, VelaroEvent::getCreatedAt));
        List<Long> lags = sandbox.webhooks().attempts().stream().filter(a -> createdAt.containsKey(a.id()))
                .map(a -> Duration.between(createdAt.get(a.id()), a.sentAt()).toMillis()).sorted().toList();

        String figures = String.format(
                "Reconciliation figures: %d changes by the activity generator over %d conversations; %d conversation "
                + "events, %d lost for good by fault injection (%.1f%%); the route received %d versions (%d by webhook, "
                + "%d by the reconciliation poll: %d whose webhook was lost, %d that had no event, %d whose webhook was "
                + "still on its way or superseded); %d webhook deliveries acknowledged without being passed on (the poll had brought "
                + "them); conversations lost: %d; versions received twice: %d (%.2f%%); reconciliation requests: %d in "
                + "%.1f s with delay=%d ms and reconcileGrace=%d ms; webhook sent after the change: median %d ms, max %d ms",
                CHANGES, conversations.size(), conversationEvents.size(), lostEventVersions.size(),
                100.0 * lostEventVersions.size() / conversationEvents.size(), all.size(), webhooksPassedOn,
                polled.size(), polledAfterLostWebhook, polledWithoutEvent,
                polled.size() - polledAfterLostWebhook - polledWithoutEvent,
                conversationEventsAcknowledged - webhooksPassedOn, lost.size(), duplicates,
                100.0 * duplicates / distinct.size(), requests, seconds, POLL_DELAY_MS, GRACE_MS, lags.get(lags.size() / 2),
                lags.get(lags.size() - 1));
        LOG.info(figures);

        assertThat(lost).as("conversations whose final version never reached the route").isEmpty();
        assertThat(duplicates).as("versions received twice, of %d", distinct.size())
                .isLessThanOrEqualTo(distinct.size() / 100);
        // the test has teeth: webhooks were really lost, and the poll really made up for them
        assertThat(lostEventVersions.size()).isGreaterThan(conversationEvents.size() / 10);
        assertThat(polledAfterLostWebhook).isPositive();
        assertThat(requests).isPositive();
    }

    private Set<String> versionsReceived() {
        synchronized (received) {
            return received.stream().map(Received::version).collect(Collectors.toSet());
        }
    }

    private static String version(VelaroEvent event) {
        return event.getConversation().getId() + "@" + event.getConversation().getUpdatedAt();
    }
}
