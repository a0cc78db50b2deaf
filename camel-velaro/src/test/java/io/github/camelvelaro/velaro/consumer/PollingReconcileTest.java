package io.github.camelvelaro.velaro.consumer;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;

import io.github.camelvelaro.velaro.model.VelaroEvent;
import io.github.camelvelaro.velaro.webhook.WebhookTestSupport;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.mock.MockEndpoint;
import org.apache.camel.component.platform.http.vertx.VertxPlatformHttpServer;
import org.apache.camel.component.platform.http.vertx.VertxPlatformHttpServerConfiguration;
import org.apache.camel.support.processor.state.MemoryStateRepository;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.awaitility.Awaitility.await;

/**
 * A webhook consumer and a poller of one {@code reconcileGroup}: the poll delivers only the versions the webhooks did
 * not bring, the webhook passes on only the versions the poll did not bring, a newer version always passes, an older
 * one never follows a newer one, and only a completed route counts as received.
 */
class PollingReconcileTest extends PollingTestSupport {

    private static final String PATH = "/velaro/events";
    private static final String T1 = "2026-11-27T10:00:01Z";
    private static final String T2 = "2026-11-27T10:00:02Z";
    private static final String T3 = "2026-11-27T10:00:03Z";

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final AtomicBoolean failHooks = new AtomicBoolean();
    private final AtomicBoolean failPolls = new AtomicBoolean();
    private VertxPlatformHttpServer server;
    private int events;

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

    @BeforeEach
    void signaturesVerifyAtTheTestVectorsTime() {
        // webhook-timestamp is checked against the component clock; polling goes by the feed's Date header
        clock.set(WebhookTestSupport.NOW);
    }

    /** The two channels of group {@code crm}; each route fails while its flag is set. */
    private void reconcile(String hookOptions, String pollOptions) throws Exception {
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from("webhook:velaro:events?webhookSecret=RAW(" + WebhookTestSupport.SECRET + ")&webhookPath=" + PATH
                     + "&" + hookOptions)
                        .routeId("hooks")
                        .process(e -> failIf(failHooks))
                        .to("mock:hooks");
                from(velaro("conversations", "startFrom=beginning&delay=20&" + pollOptions))
                        .routeId("polled")
                        .process(e -> failIf(failPolls))
                        .to("mock:polled");
            }
        });
    }

    private static void failIf(AtomicBoolean flag) {
        if (flag.get()) {
            throw new IllegalStateException("downstream unavailable");
        }
    }

    /** Velaro's event for a conversation as it was at {@code updatedAt}, signed; a fresh event id each time. */
    private int hook(String id, String updatedAt) throws Exception {
        String eventId = "evt_" + ++events;
        String body = WebhookTestSupport.event(eventId, "conversation.assigned",
                "{\"id\":\"" + id + "\",\"status\":\"open\",\"createdAt\":\"2026-11-27T10:00:00Z\",\"updatedAt\":\""
                                                                               + updatedAt + "\"}");
        URI url = URI.create("http://127.0.0.1:" + server.getServer().actualPort() + PATH);
        return http.send(WebhookTestSupport.signedDelivery(url, body, eventId), HttpResponse.BodyHandlers.discarding())
                .statusCode();
    }

    private static List<String> hooked(MockEndpoint mock) {
        return mock.getExchanges().stream().map(PollingReconcileTest::describeEvent).toList();
    }

    private static String describeEvent(Exchange exchange) {
        VelaroEvent event = exchange.getMessage().getBody(VelaroEvent.class);
        return event.getConversation().getId() + "@" + event.getConversation().getUpdatedAt();
    }

    private Reconciliation.Counts counts() {
        return consumer("polled").pollStatus().reconciliation();
    }

    @Test
    void eachVersionReachesTheGroupOnceByWhicheverChannelBringsItFirst() throws Exception {
        reconcile("reconcileGroup=crm", "reconcileGroup=crm");
        MockEndpoint hooks = getMockEndpoint("mock:hooks");
        MockEndpoint polled = getMockEndpoint("mock:polled");
        // c1's event arrives; c2's is lost
        assertThat(hook("c1", T1)).isEqualTo(204);
        FEED.putConversation("c1", T1);
        FEED.putConversation("c2", T1);

        await().until(() -> polled.getReceivedCounter() >= 1);
        awaitMoreRequests(2);
        assertThat(delivered(polled)).containsExactly("c2@" + T1);
        assertThat(counts()).isEqualTo(new Reconciliation.Counts("crm", 1, 1));

        // c2's event comes late (a redelivery, or a slow network): the poll brought that version, it is not passed on
        assertThat(hook("c2", T1)).isEqualTo(204);
        // a newer version passes, whichever channel brings it; then the other channel skips it
        assertThat(hook("c1", T2)).isEqualTo(204);
        FEED.putConversation("c1", T2);
        FEED.putConversation("c2", T2);
        await().until(() -> polled.getReceivedCounter() >= 2);
        awaitMoreRequests(2);
        assertThat(hook("c2", T2)).isEqualTo(204);
        // an older version never follows a newer one
        assertThat(hook("c1", T1)).isEqualTo(204);

        assertThat(hooked(hooks)).containsExactly("c1@" + T1, "c1@" + T2);
        assertThat(delivered(polled)).containsExactly("c2@" + T1, "c2@" + T2);
        assertThat(counts()).isEqualTo(new Reconciliation.Counts("crm", 2, 2));
        // what reconciliation cost: every request the poller sent
        context.getRouteController().stopRoute("polled");
        // a request counted as it was sent may still be on its way to the server when the route stops
        await().untilAsserted(() -> assertThat(consumer("polled").pollStatus().requests())
                .isEqualTo(requests("conversations").size()));
    }

    @Test
    void aVersionWhoseRouteFailedIsNotTakenForReceived() throws Exception {
        reconcile("reconcileGroup=crm", "reconcileGroup=crm");
        MockEndpoint hooks = getMockEndpoint("mock:hooks");
        MockEndpoint polled = getMockEndpoint("mock:polled");

        // the webhook route fails (Velaro would redeliver; suppose it gives up): the poll delivers the version
        failHooks.set(true);
        assertThat(hook("c1", T1)).isEqualTo(500);
        failHooks.set(false);
        FEED.putConversation("c1", T1);
        await().until(() -> polled.getReceivedCounter() >= 1);
        assertThat(delivered(polled)).containsExactly("c1@" + T1);

        // the poller's route fails on c2: the webhook still passes c2 on, and then the poll moves past it
        failPolls.set(true);
        FEED.putConversation("c2", T3);
        await().until(() -> consumer("polled").itemFailures().current() != null);
        assertThat(hook("c2", T3)).isEqualTo(204);
        failPolls.set(false);
        awaitMoreRequests(2);

        assertThat(hooked(hooks)).containsExactly("c2@" + T3);
        assertThat(delivered(polled)).containsExactly("c1@" + T1);
        assertThat(consumer("polled").itemFailures().current()).isNull();
        assertThat(consumer("polled").pollStatus().cursor().updatedSince()).hasToString(T3);
    }

    @Test
    void aGroupKeepsItsOwnOffsetAndItsVersionsInTheRepositoriesGiven() throws Exception {
        MemoryStateRepository offsets = new MemoryStateRepository();
        MemoryStateRepository versions = new MemoryStateRepository();
        context.getRegistry().bind("offsets", offsets);
        context.getRegistry().bind("versions", versions);
        reconcile("siteId=acme&reconcileGroup=crm&reconcileRepository=#versions",
                "siteId=acme&reconcileGroup=crm&reconcileRepository=#versions&offsetRepository=#offsets");
        // a poller of the same site outside the group keeps its own offset and sees everything
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from(velaro("conversations", "startFrom=beginning&delay=20&siteId=acme&offsetRepository=#offsets"))
                        .routeId("plain").to("mock:plain");
            }
        });
        assertThat(hook("c1", T1)).isEqualTo(204);
        FEED.putConversation("c1", T1);
        FEED.putConversation("c2", T2);

        MockEndpoint plain = getMockEndpoint("mock:plain");
        MockEndpoint polled = getMockEndpoint("mock:polled");
        await().until(() -> plain.getReceivedCounter() >= 2 && polled.getReceivedCounter() >= 1);
        awaitMoreRequests(4);

        assertThat(delivered(plain)).containsExactly("c1@" + T1, "c2@" + T2);
        assertThat(delivered(polled)).containsExactly("c2@" + T2);
        assertThat(versions.getState("velaro:acme:conversations:version:crm:c1")).isEqualTo(T1);
        assertThat(versions.getState("velaro:acme:conversations:version:crm:c2")).isEqualTo(T2);
        assertThat(cursorIn(offsets.getState("velaro:acme:conversations:group:crm")).updatedSince()).hasToString(T2);
        assertThat(cursorIn(offsets.getState("velaro:acme:conversations")).updatedSince()).hasToString(T2);
    }

    @Test
    void changesYoungerThanTheGraceAreLeftToTheWebhooksUntilVelarosClockPassesIt() throws Exception {
        reconcile("reconcileGroup=crm", "reconcileGroup=crm&reconcileGrace=60000");
        MockEndpoint polled = getMockEndpoint("mock:polled");
        FEED.setServerTime(Instant.parse("2026-11-27T12:00:00Z"));
        FEED.putConversation("c1", "2026-11-27T11:58:59Z");
        FEED.putConversation("c2", "2026-11-27T11:59:01Z");
        FEED.putConversation("c3", "2026-11-27T11:59:30Z");

        await().until(() -> polled.getReceivedCounter() >= 1);
        awaitMoreRequests(3);
        // c2 and c3 changed within a minute of Velaro's present: their webhooks may still be on the way
        assertThat(delivered(polled)).containsExactly("c1@2026-11-27T11:58:59Z");
        assertThat(consumer("polled").pollStatus().cursor().updatedSince()).hasToString("2026-11-27T11:58:59Z");

        // c2's webhook arrives within the grace; c3's never does: once Velaro's clock is past the grace, the poll
        // delivers c3 only
        assertThat(hook("c2", "2026-11-27T11:59:01Z")).isEqualTo(204);
        FEED.setServerTime(Instant.parse("2026-11-27T12:00:31Z"));
        await().until(() -> polled.getReceivedCounter() >= 2);
        awaitMoreRequests(2);

        assertThat(delivered(polled)).containsExactly("c1@2026-11-27T11:58:59Z", "c3@2026-11-27T11:59:30Z");
        assertThat(hooked(getMockEndpoint("mock:hooks"))).containsExactly("c2@2026-11-27T11:59:01Z");
    }

    @Test
    void aGroupThatCannotBeAKeyOrARepositoryWithoutAGroupIsRefusedAtStart() {
        Throwable badName = catchThrowable(() -> reconcile("reconcileGroup=crm", "reconcileGroup=crm:eu"));
        assertThat(messages(badName)).contains("Option reconcileGroup").contains("'crm:eu'");

        context.getRegistry().bind("versions", new MemoryStateRepository());
        Throwable noGroup = catchThrowable(() -> context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from(velaro("conversations", "reconcileRepository=#versions")).to("mock:x");
            }
        }));
        assertThat(messages(noGroup)).contains("Option reconcileRepository").contains("reconcileGroup is not");

        Throwable transcripts = catchThrowable(() -> context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from("webhook:velaro:transcripts?allowUnsigned=true&webhookPath=/t&reconcileGroup=crm").to("mock:x");
            }
        }));
        assertThat(messages(transcripts)).contains("Option reconcileGroup").contains("webhook:velaro:transcripts");
    }
}
