package io.github.camelvelaro.velaro.webhook;

import java.io.ByteArrayInputStream;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.UnaryOperator;

import io.github.camelvelaro.velaro.MutableClock;
import io.github.camelvelaro.velaro.VelaroComponent;
import io.github.camelvelaro.velaro.VelaroConstants;
import io.github.camelvelaro.velaro.model.Contact;
import io.github.camelvelaro.velaro.model.Conversation;
import io.github.camelvelaro.velaro.model.VelaroEvent;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.mock.MockEndpoint;
import org.apache.camel.model.RouteDefinition;
import org.apache.camel.support.processor.idempotent.MemoryIdempotentRepository;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

import static org.apache.camel.builder.Builder.constant;
import static org.assertj.core.api.Assertions.assertThat;

/** webhook:velaro:events over real HTTP: the handler's order of checks, its answers, and what the route receives. */
class WebhookEventsTest extends WebhookTestSupport {

    private static final String PATH = "/velaro/events";

    private MockEndpoint events;

    private void route(String options) throws Exception {
        route(options, r -> r.to("mock:events"));
    }

    /** The events route with the given options and steps after the consumer. */
    private void route(String options, UnaryOperator<RouteDefinition> steps) throws Exception {
        addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                steps.apply(from("webhook:velaro:events?webhookSecret=RAW(" + SECRET + ")&webhookPath=" + PATH
                                 + (options.isEmpty() ? "" : "&" + options))
                        .routeId("events"));
            }
        });
        events = getMockEndpoint("mock:events");
    }

    private static void assertEmptyAnswer(HttpResponse<String> response, int status) {
        assertThat(response.statusCode()).isEqualTo(status);
        assertThat(response.body()).isEmpty();
        // nothing of the request (signature, id) is echoed back
        assertThat(response.headers().map().keySet()).noneMatch(h -> h.toLowerCase().startsWith("webhook-"));
    }

    @Test
    void testVectorIsAccepted() throws Exception {
        route("");
        HttpResponse<String> response = deliver(PATH, WebhookVerifierTest.BODY, WebhookVerifierTest.ID,
                WebhookVerifierTest.TIMESTAMP, WebhookVerifierTest.SIGNATURE);

        assertEmptyAnswer(response, 204);
        assertThat(events.getReceivedCounter()).isEqualTo(1);
        VelaroEvent event = events.getReceivedExchanges().get(0).getMessage().getBody(VelaroEvent.class);
        assertThat(event.getAdditionalProperties()).containsEntry("test", 2432232314L);
    }

    @Test
    void conversationEventIsTypedWithHeaders() throws Exception {
        route("");
        String body = event("evt_1", "conversation.resolved", conversation("c_42"));

        assertEmptyAnswer(deliverSigned(PATH, body, "evt_1"), 204);

        Exchange received = events.getReceivedExchanges().get(0);
        VelaroEvent event = received.getMessage().getBody(VelaroEvent.class);
        assertThat(event.getData()).isInstanceOf(Conversation.class);
        assertThat(event.getConversation().getId()).isEqualTo("c_42");
        assertThat(received.getMessage().getHeader(VelaroConstants.EVENT_ID)).isEqualTo("evt_1");
        assertThat(received.getMessage().getHeader(VelaroConstants.EVENT_TYPE)).isEqualTo("conversation.resolved");
        assertThat(received.getMessage().getHeader(VelaroConstants.CONVERSATION_ID)).isEqualTo("c_42");
    }

    @Test
    void contactAndUnknownEventsAreTyped() throws Exception {
        route("");
        deliverSigned(PATH, event("evt_2", "contact.updated", contact("k_7")), "evt_2");
        deliverSigned(PATH, event("evt_3", "agent.went_offline", "{\"agent\":\"Sam\"}"), "evt_3");

        assertThat(events.getReceivedCounter()).isEqualTo(2);
        Exchange contact = events.getReceivedExchanges().get(0);
        assertThat(contact.getMessage().getBody(VelaroEvent.class).getData()).isInstanceOf(Contact.class);
        assertThat(contact.getMessage().getHeader(VelaroConstants.CONTACT_ID)).isEqualTo("k_7");
        Exchange unknown = events.getReceivedExchanges().get(1);
        assertThat(unknown.getMessage().getBody(VelaroEvent.class).getData()).isEqualTo(Map.of("agent", "Sam"));
        assertThat(unknown.getMessage().getHeader(VelaroConstants.EVENT_TYPE)).isEqualTo("agent.went_offline");
    }

    @Test
    void forgedDeliveriesGet401AndReachNothing() throws Exception {
        route("");
        String body = event("evt_1", "conversation.resolved", conversation("c_1"));
        long now = NOW.getEpochSecond();
        String good = sign(SECRET, "evt_1", now, body);
        String otherSecret = sign(WebhookVerifierTest.OTHER_SECRET, "evt_1", now, body);

        assertEmptyAnswer(deliver(PATH, body.replace("c_1", "c_2"), "evt_1", now, good), 401);
        assertEmptyAnswer(deliver(PATH, body, "evt_1", now, otherSecret), 401);
        assertEmptyAnswer(deliver(PATH, body, "evt_1", now - 301, sign(SECRET, "evt_1", now - 301, body)), 401);
        assertEmptyAnswer(deliver(PATH, body, "evt_1", now + 301, sign(SECRET, "evt_1", now + 301, body)), 401);
        assertEmptyAnswer(deliver(PATH, body, "evt_1", now, null), 401);
        assertEmptyAnswer(deliver(PATH, body, null, now, good), 401);
        assertEmptyAnswer(deliver(PATH, body, "evt_1", now, "v1a," + good.substring(3)), 401);
        assertThat(events.getReceivedCounter()).isZero();

        // the same event, properly signed, is still processed: rejected attempts were not remembered
        assertEmptyAnswer(deliver(PATH, body, "evt_1", now, otherSecret + " v1a,xyz " + good), 204);
        assertThat(events.getReceivedCounter()).isEqualTo(1);
    }

    @Test
    void oversizedBodiesGet413BeforeVerification() throws Exception {
        route("maxBodySize=100");
        byte[] big = ("{\"id\":\"evt_1\",\"pad\":\"" + "x".repeat(200) + "\"}").getBytes(StandardCharsets.UTF_8);

        // unsigned: a 401 here would mean the signature was checked first
        assertEmptyAnswer(post(PATH, big, Map.of()), 413);
        // no Content-Length (chunked): the actual bytes are counted
        HttpResponse<String> chunked = http.send(HttpRequest.newBuilder(url(PATH))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(big))).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEmptyAnswer(chunked, 413);
        assertThat(events.getReceivedCounter()).isZero();

        // exactly at the limit is accepted
        String prefix = "{\"id\":\"evt_9\",\"type\":\"x.y\",\"pad\":\"";
        String atLimit = prefix + "p".repeat(100 - prefix.length() - 2) + "\"}";
        assertThat(atLimit).hasSize(100);
        assertEmptyAnswer(deliverSigned(PATH, atLimit, "evt_9"), 204);
        assertThat(events.getReceivedCounter()).isEqualTo(1);
    }

    @Test
    void verifiedBodiesThatAreNotEventsGet400() throws Exception {
        route("");
        assertEmptyAnswer(deliverSigned(PATH, "{\"id\": \"evt_1\", ", "evt_1"), 400);
        assertEmptyAnswer(deliverSigned(PATH, "[1, 2]", "evt_2"), 400);
        assertEmptyAnswer(deliverSigned(PATH, "null", "evt_3"), 400);
        assertEmptyAnswer(deliverSigned(PATH, "", "evt_4"), 400);
        assertThat(events.getReceivedCounter()).isZero();
        // malformed JSON is still 401 when unsigned: verification comes first
        assertEmptyAnswer(post(PATH, "not json".getBytes(StandardCharsets.UTF_8), Map.of()), 401);
    }

    /**
     * A validly signed event of the wrong shape: every one is answered 400 (Velaro stops), never 500 (Velaro would
     * redeliver it for a day), and none is passed on, also when the wrong type is an object whose fields look like
     * the event's own.
     */
    @Test
    void signedEventsOfTheWrongShapeGet400() throws Exception {
        route("");
        String data = ",\"data\":" + conversation("c_1");
        List<String> malformed = List.of(
                // createdAt that is not a date, or not a string
                "{\"id\":\"evt_1\",\"type\":\"conversation.resolved\",\"createdAt\":\"yesterday\"" + data + "}",
                "{\"id\":\"evt_1\",\"type\":\"conversation.resolved\",\"createdAt\":\"2026-13-45T99:00:00Z\"" + data + "}",
                "{\"id\":\"evt_1\",\"type\":\"conversation.resolved\",\"createdAt\":{\"id\":\"evt_9\"}" + data + "}",
                "{\"id\":\"evt_1\",\"type\":\"conversation.resolved\",\"createdAt\":[\"2026-11-27T10:15:30Z\"]" + data + "}",
                "{\"id\":\"evt_1\",\"type\":\"conversation.resolved\",\"createdAt\":true" + data + "}",
                // id and type that are not scalars
                "{\"id\":{\"id\":\"evt_1\",\"type\":\"conversation.resolved\"}" + data + "}",
                "{\"id\":[\"evt_1\"],\"type\":\"conversation.resolved\"" + data + "}",
                "{\"id\":\"evt_1\",\"type\":{\"type\":\"conversation.resolved\"}" + data + "}",
                "{\"id\":\"evt_1\",\"type\":[\"conversation.resolved\"]" + data + "}",
                // data that is not the type's object
                "{\"id\":\"evt_1\",\"type\":\"conversation.resolved\",\"data\":\"c_1\"}",
                "{\"data\":[1],\"id\":\"evt_1\",\"type\":\"contact.updated\"}");
        for (String body : malformed) {
            HttpResponse<String> response = deliverSigned(PATH, body, "evt_1");
            assertThat(response.statusCode()).as(body).isEqualTo(400);
            assertThat(response.body()).as(body).isEmpty();
        }
        assertThat(events.getReceivedCounter()).isZero();
        // refusals are not remembered: the well-formed event is processed
        assertEmptyAnswer(deliverSigned(PATH, event("evt_1", "conversation.resolved", conversation("c_1")), "evt_1"), 204);
        assertThat(events.getReceivedCounter()).isEqualTo(1);
    }

    @Test
    void eventTypesFilterAcknowledgesAndDrops() throws Exception {
        route("eventTypes=conversation.resolved, contact.created");
        assertEmptyAnswer(deliverSigned(PATH, event("evt_1", "conversation.created", conversation("c_1")), "evt_1"), 204);
        assertEmptyAnswer(deliverSigned(PATH, event("evt_2", "conversation.resolved", conversation("c_1")), "evt_2"), 204);
        assertEmptyAnswer(deliverSigned(PATH, event("evt_3", "contact.created", contact("k_1")), "evt_3"), 204);

        assertThat(events.getReceivedExchanges()).extracting(e -> e.getMessage().getHeader(VelaroConstants.EVENT_ID))
                .containsExactly("evt_2", "evt_3");
    }

    @Test
    void duplicateIdIsPassedOnOnce() throws Exception {
        route("");
        String body = event("evt_1", "conversation.resolved", conversation("c_1"));
        for (int i = 0; i < 3; i++) {
            assertEmptyAnswer(deliverSigned(PATH, body, "evt_1"), 204);
        }
        // a redelivery is signed again with a new timestamp: still the same id
        long later = NOW.getEpochSecond() + 60;
        assertEmptyAnswer(deliver(PATH, body, "evt_1", later, sign(SECRET, "evt_1", later, body)), 204);
        assertEmptyAnswer(deliverSigned(PATH, event("evt_2", "conversation.resolved", conversation("c_1")), "evt_2"), 204);

        assertThat(events.getReceivedExchanges()).extracting(e -> e.getMessage().getHeader(VelaroConstants.EVENT_ID))
                .containsExactly("evt_1", "evt_2");
    }

    @Test
    void failingRouteGets500AndTheRedeliveryIsProcessed() throws Exception {
        AtomicInteger failures = new AtomicInteger(1);
        route("", r -> r.process(e -> {
            if (failures.getAndDecrement() > 0) {
                throw new IllegalStateException("database down");
            }
        }).to("mock:events"));
        String body = event("evt_1", "conversation.resolved", conversation("c_1"));

        HttpResponse<String> failed = deliverSigned(PATH, body, "evt_1");
        assertEmptyAnswer(failed, 500);
        assertThat(failed.body()).doesNotContain("database down");
        assertThat(events.getReceivedCounter()).isZero();

        assertEmptyAnswer(deliverSigned(PATH, body, "evt_1"), 204);
        assertThat(events.getReceivedCounter()).isEqualTo(1);
        assertEmptyAnswer(deliverSigned(PATH, body, "evt_1"), 204);
        assertThat(events.getReceivedCounter()).as("remembered once accepted").isEqualTo(1);
    }

    @Test
    void concurrentDeliveriesOfOneIdPassOnce() throws Exception {
        CountDownLatch entered = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        route("", r -> r.process(e -> {
            entered.countDown();
            assertThat(release.await(30, TimeUnit.SECONDS)).isTrue();
        }).to("mock:events"));
        String body = event("evt_1", "conversation.resolved", conversation("c_1"));
        long now = NOW.getEpochSecond();
        HttpRequest first = HttpRequest.newBuilder(url(PATH)).header("webhook-id", "evt_1")
                .header("webhook-timestamp", Long.toString(now)).header("webhook-signature", sign(SECRET, "evt_1", now, body))
                .POST(HttpRequest.BodyPublishers.ofString(body)).build();
        var pending = http.sendAsync(first, HttpResponse.BodyHandlers.ofString());
        assertThat(entered.await(30, TimeUnit.SECONDS)).isTrue();

        // while the first is in the route, the same id is neither processed nor acknowledged
        List<HttpResponse<String>> racing = List.of(deliverSigned(PATH, body, "evt_1"), deliverSigned(PATH, body, "evt_1"));
        release.countDown();

        assertEmptyAnswer(pending.get(30, TimeUnit.SECONDS), 204);
        racing.forEach(r -> assertEmptyAnswer(r, 409));
        racing.forEach(r -> assertThat(r.headers().firstValue("Retry-After")).hasValue("10"));
        assertEmptyAnswer(deliverSigned(PATH, body, "evt_1"), 204);
        assertThat(events.getReceivedCounter()).isEqualTo(1);
    }

    /**
     * A route that never returns (hung) holds its id only for inProgressTimeout: after that a redelivery is processed.
     * When the first one does finish after all, the event has been processed twice (at-least-once).
     */
    @Test
    void aDeliveryThatNeverFinishesBlocksItsIdOnlyForInProgressTimeout() throws Exception {
        MutableClock clock = new MutableClock();
        clock.set(NOW);
        context.getComponent("velaro", VelaroComponent.class).setClock(clock);
        CountDownLatch hung = new CountDownLatch(1);
        AtomicInteger calls = new AtomicInteger();
        route("inProgressTimeout=1m", r -> r.process(e -> {
            if (calls.incrementAndGet() == 1) {
                assertThat(hung.await(60, TimeUnit.SECONDS)).isTrue();
            }
        }).to("mock:events"));
        String body = event("evt_1", "conversation.resolved", conversation("c_1"));
        var first = http.sendAsync(signedDelivery(url(PATH), body, "evt_1"), HttpResponse.BodyHandlers.ofString());
        Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> calls.get() == 1);

        assertEmptyAnswer(deliverSigned(PATH, body, "evt_1"), 409);
        clock.advance(Duration.ofSeconds(59));
        assertEmptyAnswer(deliverSigned(PATH, body, "evt_1"), 409);
        clock.advance(Duration.ofSeconds(1));
        assertEmptyAnswer(deliverSigned(PATH, body, "evt_1"), 204);
        assertThat(events.getReceivedCounter()).isEqualTo(1);

        hung.countDown();
        assertEmptyAnswer(first.get(30, TimeUnit.SECONDS), 204);
        assertThat(events.getReceivedCounter()).isEqualTo(2);
        assertEmptyAnswer(deliverSigned(PATH, body, "evt_1"), 204);
        assertThat(events.getReceivedCounter()).isEqualTo(2);
    }

    @Test
    void rollbackOnlyRouteGets500() throws Exception {
        route("", r -> r.to("mock:events").markRollbackOnly());
        String body = event("evt_1", "conversation.resolved", conversation("c_1"));
        assertEmptyAnswer(deliverSigned(PATH, body, "evt_1"), 500);
        assertEmptyAnswer(deliverSigned(PATH, body, "evt_1"), 500);
        assertThat(events.getReceivedCounter()).as("released each time, so each redelivery is processed").isEqualTo(2);
    }

    @Test
    void idempotentRepositoryOptionIsUsed() throws Exception {
        MemoryIdempotentRepository seen = new MemoryIdempotentRepository();
        context.getRegistry().bind("seen", seen);
        route("idempotentRepository=#seen");
        assertEmptyAnswer(deliverSigned(PATH, event("evt_1", "conversation.resolved", conversation("c_1")), "evt_1"), 204);
        assertThat(seen.contains("evt_1")).isTrue();

        // an id the repository already holds (e.g. another node processed it) is not passed on
        seen.add("evt_2");
        assertEmptyAnswer(deliverSigned(PATH, event("evt_2", "conversation.resolved", conversation("c_1")), "evt_2"), 204);
        assertThat(events.getReceivedCounter()).isEqualTo(1);
    }

    /** A repository that fails is never answered with a 2xx, and nothing is passed on. */
    @Test
    void aFailingRepositoryGets500() throws Exception {
        context.getRegistry().bind("claimsDown", new MemoryIdempotentRepository(new java.util.HashMap<>()) {
            @Override
            public boolean add(String key) {
                throw new IllegalStateException("claims store down");
            }
        });
        context.getRegistry().bind("completedDown", new MemoryIdempotentRepository(new java.util.HashMap<>()) {
            @Override
            public boolean contains(String key) {
                throw new IllegalStateException("completed store down");
            }
        });
        route("inProgressRepository=#claimsDown");
        String body = event("evt_1", "conversation.resolved", conversation("c_1"));
        assertEmptyAnswer(deliverSigned(PATH, body, "evt_1"), 500);
        addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from("webhook:velaro:events?webhookSecret=RAW(" + SECRET + ")&webhookPath=/velaro/other"
                     + "&idempotentRepository=#completedDown").to("mock:events");
            }
        });
        assertEmptyAnswer(deliverSigned("/velaro/other", body, "evt_1"), 500);
        assertThat(events.getReceivedCounter()).isZero();
    }

    @Test
    void seenIdsSurviveARouteRestart() throws Exception {
        // stopping a MemoryIdempotentRepository clears it: the consumer's stop must not stop the repository
        route("");
        String body = event("evt_1", "conversation.resolved", conversation("c_1"));
        assertEmptyAnswer(deliverSigned(PATH, body, "evt_1"), 204);
        context.getRouteController().stopRoute("events");
        context.getRouteController().startRoute("events");
        assertEmptyAnswer(deliverSigned(PATH, body, "evt_1"), 204);
        assertThat(events.getReceivedCounter()).isEqualTo(1);
    }

    @Test
    void webhookToleranceOptionIsUsed() throws Exception {
        route("webhookTolerance=10s");
        String body = event("evt_1", "conversation.resolved", conversation("c_1"));
        long now = NOW.getEpochSecond();
        assertEmptyAnswer(deliver(PATH, body, "evt_1", now - 11, sign(SECRET, "evt_1", now - 11, body)), 401);
        assertEmptyAnswer(deliver(PATH, body, "evt_1", now + 11, sign(SECRET, "evt_1", now + 11, body)), 401);
        assertEmptyAnswer(deliver(PATH, body, "evt_1", now - 10, sign(SECRET, "evt_1", now - 10, body)), 204);
        assertThat(events.getReceivedCounter()).isEqualTo(1);
    }

    @Test
    void secretWithPlusAndSlashThroughAPlaceholder() throws Exception {
        String secret = "whsec_" + Base64.getEncoder().encodeToString(new byte[] { -5, -1, -65, 1, 2, 3 });
        assertThat(secret).contains("+").contains("/");
        Properties properties = new Properties();
        properties.setProperty("velaro.webhook-secret", secret);
        context.getPropertiesComponent().setInitialProperties(properties);
        addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from("webhook:velaro:events?webhookSecret=RAW({{velaro.webhook-secret}})&webhookPath=" + PATH)
                        .to("mock:events");
            }
        });
        String body = event("evt_1", "conversation.resolved", conversation("c_1"));
        long now = NOW.getEpochSecond();
        assertEmptyAnswer(deliver(PATH, body, "evt_1", now, sign(secret, "evt_1", now, body)), 204);
        assertThat(getMockEndpoint("mock:events").getReceivedCounter()).isEqualTo(1);
    }

    @Test
    void routeReplyIsNotWrittenBack() throws Exception {
        route("", r -> r.setHeader("X-Internal", constant("secret-ish")).setBody(constant("route output")));
        HttpResponse<String> response = deliverSigned(PATH, event("evt_1", "conversation.resolved", conversation("c_1")),
                "evt_1");
        assertEmptyAnswer(response, 204);
        assertThat(response.headers().firstValue("X-Internal")).isEmpty();
    }
}
