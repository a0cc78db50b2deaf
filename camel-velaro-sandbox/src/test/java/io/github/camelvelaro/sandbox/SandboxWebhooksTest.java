package io.github.camelvelaro.sandbox;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;

import com.standardwebhooks.Webhook;
import com.standardwebhooks.exceptions.WebhookVerificationException;
import io.github.camelvelaro.sandbox.junit.VelaroSandboxExtension;
import io.github.camelvelaro.sandbox.webhooks.DeliveryAttempt;
import io.github.camelvelaro.sandbox.webhooks.RetryPolicy;
import io.github.camelvelaro.sandbox.webhooks.WebhookSecret;
import io.github.camelvelaro.sandbox.webhooks.WebhookSigner;
import io.github.camelvelaro.velaro.model.Contact;
import io.github.camelvelaro.velaro.model.Conversation;
import io.github.camelvelaro.velaro.model.CreateConversation;
import io.github.camelvelaro.velaro.model.Transcript;
import io.github.camelvelaro.velaro.model.TranscriptParticipant;
import io.github.camelvelaro.velaro.model.VelaroEvent;
import io.github.camelvelaro.velaro.model.VelaroJson;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;
import static org.awaitility.Awaitility.await;

/** Webhook deliveries, checked with the Standard Webhooks reference library (which verifies against the wall clock). */
class SandboxWebhooksTest {

    @RegisterExtension
    static VelaroSandboxExtension sandbox = new VelaroSandboxExtension(
            SandboxSettings.defaults().withWebhookRetry(RetryPolicy.fast()));

    private WebhookReceiver receiver;
    private ApiCalls api;
    private String key;

    @BeforeEach
    void setUp() throws IOException {
        sandbox.reset();
        sandbox.webhooks().setRetryPolicy(RetryPolicy.fast());
        receiver = new WebhookReceiver();
        api = new ApiCalls(sandbox.baseUrl());
        key = sandbox.createReadWriteKey();
    }

    @AfterEach
    void tearDown() throws InterruptedException {
        sandbox.webhooks().awaitIdle(Duration.ofSeconds(5));
        receiver.close();
    }

    @Test
    void everyChangeIsPostedAsASignedEventInOrder() throws Exception {
        sandbox.registerWebhook(receiver.url());

        Conversation created = ApiCalls.as(
                api.post("/conversations", key, "{\"message\":\"hi\",\"visitorName\":\"Jane\"}"), Conversation.class);
        sandbox.conversations().assign(created.getId(), "Alex");
        sandbox.conversations().resolve(created.getId());
        Conversation missed = sandbox.conversations().create(new CreateConversation("?"));
        sandbox.conversations().miss(missed.getId());

        assertThat(sandbox.webhooks().awaitIdle(Duration.ofSeconds(10))).isTrue();
        List<WebhookReceiver.Received> received = receiver.received();
        assertThat(received).hasSize(5);
        Webhook verifier = new Webhook(sandbox.webhookSecret());
        for (WebhookReceiver.Received r : received) {
            verifier.verify(r.body(), r.headers());
            assertThat(r.header("Content-Type")).isEqualTo("application/json");
            VelaroEvent event = VelaroJson.read(r.body().getBytes(StandardCharsets.UTF_8), VelaroEvent.class);
            assertThat(r.header("webhook-id")).isEqualTo(event.getId()).startsWith("evt_");
        }
        List<VelaroEvent> events = received.stream().map(SandboxWebhooksTest::event).toList();
        assertThat(events).extracting(VelaroEvent::getType).containsExactly("conversation.created",
                "conversation.assigned", "conversation.resolved", "conversation.created", "conversation.missed");
        assertThat(events.get(0).getConversation().getId()).isEqualTo(created.getId());
        assertThat(events.get(0).getConversation().getStatus()).isEqualTo("open");
        assertThat(events.get(1).getConversation().getAssignedAgent()).isEqualTo("Alex");
        assertThat(events.get(2).getConversation().getResolvedAt()).isNotNull();
        assertThat(events.get(2).getCreatedAt()).isNotNull();
        assertThat(events).extracting(VelaroEvent::getId).doesNotHaveDuplicates();
    }

    @Test
    void contactChangesAreEventsWithTheContact() throws Exception {
        sandbox.registerWebhook(receiver.url());

        Contact created = ApiCalls.as(api.post("/contacts", key, "{\"email\":\"jane@example.com\"}"), Contact.class);
        api.patch("/contacts/" + created.getId(), key, "{\"company\":\"Acme\"}");

        assertThat(sandbox.webhooks().awaitIdle(Duration.ofSeconds(10))).isTrue();
        List<VelaroEvent> events = receiver.received().stream().map(SandboxWebhooksTest::event).toList();
        assertThat(events).extracting(VelaroEvent::getType).containsExactly("contact.created", "contact.updated");
        assertThat(events.get(1).getContact().getId()).isEqualTo(created.getId());
        assertThat(events.get(1).getContact().getCompany()).isEqualTo("Acme");
    }

    @Test
    void aDeliveryThatIsNotAcknowledgedIsRedeliveredWithTheSameIdAfterABackoff() throws Exception {
        receiver.answer(500, 503);
        sandbox.registerWebhook(receiver.url());

        api.post("/conversations", key, "{\"message\":\"hi\"}");

        assertThat(sandbox.webhooks().awaitIdle(Duration.ofSeconds(10))).isTrue();
        List<WebhookReceiver.Received> received = receiver.received();
        assertThat(received).hasSize(3);
        assertThat(received).extracting(r -> r.header("webhook-id")).containsOnly(received.get(0).header("webhook-id"));
        assertThat(received).extracting(WebhookReceiver.Received::body).containsOnly(received.get(0).body());
        Webhook verifier = new Webhook(sandbox.webhookSecret());
        for (WebhookReceiver.Received r : received) {
            verifier.verify(r.body(), r.headers());
        }
        // fast policy: 10 ms, then 20 ms
        assertThat(received.get(1).receivedNanos() - received.get(0).receivedNanos())
                .isGreaterThanOrEqualTo(Duration.ofMillis(10).toNanos());
        assertThat(received.get(2).receivedNanos() - received.get(1).receivedNanos())
                .isGreaterThanOrEqualTo(Duration.ofMillis(20).toNanos());
        assertThat(sandbox.webhooks().attempts()).extracting(DeliveryAttempt::attempt, DeliveryAttempt::status)
                .containsExactly(tuple(1, 500), tuple(2, 503),
                        tuple(3, 204));
        assertThat(sandbox.webhooks().attempts().get(2).acknowledged()).isTrue();
    }

    @Test
    void redeliveryIsBoundedAndCoversReceiversThatAreDown() throws Exception {
        sandbox.webhooks().setRetryPolicy(RetryPolicy.fast().withMaxAttempts(3));
        int closedPort;
        try (ServerSocket s = new ServerSocket(0)) {
            closedPort = s.getLocalPort();
        }
        sandbox.registerWebhook("http://127.0.0.1:" + closedPort + "/down");

        sandbox.conversations().create(new CreateConversation("hi"));

        assertThat(sandbox.webhooks().awaitIdle(Duration.ofSeconds(10))).isTrue();
        assertThat(sandbox.webhooks().attempts()).hasSize(3)
                .allSatisfy(a -> assertThat(a.status()).isZero())
                .extracting(DeliveryAttempt::id).containsOnly(sandbox.webhooks().events().get(0).getId());
        assertThat(sandbox.webhooks().pending()).isZero();
    }

    @Test
    void theBackoffGrowsExponentiallyUpToItsCap() {
        RetryPolicy policy = new RetryPolicy(Duration.ofSeconds(1), 2.0, Duration.ofSeconds(10), 10,
                Duration.ofSeconds(10));
        assertThat(List.of(1, 2, 3, 4, 5, 6)).map(policy::delayAfter).containsExactly(Duration.ofSeconds(1),
                Duration.ofSeconds(2), Duration.ofSeconds(4), Duration.ofSeconds(8), Duration.ofSeconds(10),
                Duration.ofSeconds(10));
    }

    @Test
    void transcriptsArePostedUnsignedWhenAConversationEnds() throws Exception {
        sandbox.registerTranscriptWebhook(receiver.url());

        Conversation c = ApiCalls.as(
                api.post("/conversations", key, "{\"message\":\"Where is my order?\",\"visitorName\":\"Jane\",\"channel\":\"sms\"}"), Conversation.class);
        sandbox.conversations().assign(c.getId(), "Alex");
        sandbox.conversations().resolve(c.getId());
        Conversation left = sandbox.conversations().create(new CreateConversation("hm"));
        sandbox.conversations().assign(left.getId(), "Sam");
        sandbox.conversations().abandon(left.getId());
        Conversation missed = sandbox.conversations().create(new CreateConversation("?"));
        sandbox.conversations().miss(missed.getId());

        assertThat(sandbox.webhooks().awaitIdle(Duration.ofSeconds(10))).isTrue();
        List<WebhookReceiver.Received> received = receiver.received();
        assertThat(received).hasSize(2);
        assertThat(received.get(0).header("webhook-signature")).isNull();
        assertThat(received.get(0).header("webhook-id")).isNull();
        Transcript t = VelaroJson.read(received.get(0).body().getBytes(StandardCharsets.UTF_8), Transcript.class);
        assertThat(t.getConversationId()).isEqualTo(c.getId());
        assertThat(t.getChannel()).isEqualTo("sms");
        assertThat(t.getStartedAt()).isEqualTo(c.getCreatedAt());
        assertThat(t.getEndedAt()).isEqualTo(sandbox.conversations().get(c.getId()).orElseThrow().getResolvedAt());
        assertThat(t.getParticipants()).extracting(TranscriptParticipant::getName, TranscriptParticipant::getRole)
                .containsExactly(tuple("Jane", "visitor"),
                        tuple("Alex", "agent"));
        assertThat(t.getMessages()).hasSize(2);
        assertThat(t.getMessages().get(0).getText()).isEqualTo("Where is my order?");
        assertThat(t.getMessages().get(0).getRole()).isEqualTo("visitor");
        Transcript abandoned = VelaroJson.read(received.get(1).body().getBytes(StandardCharsets.UTF_8), Transcript.class);
        assertThat(abandoned.getConversationId()).isEqualTo(left.getId());
    }

    @Test
    void transcriptsCanBeSigned() throws Exception {
        sandbox.webhooks().registerTranscriptWebhook(URI.create(receiver.url()), true);

        Conversation c = sandbox.conversations().create(new CreateConversation("hi"));
        sandbox.conversations().assign(c.getId(), "Alex");
        sandbox.conversations().resolve(c.getId());

        assertThat(sandbox.webhooks().awaitIdle(Duration.ofSeconds(10))).isTrue();
        WebhookReceiver.Received r = receiver.received().get(0);
        new Webhook(sandbox.webhookSecret()).verify(r.body(), r.headers());
        assertThat(r.header("webhook-id")).startsWith("trd_");
    }

    @Test
    void duringASecretRotationBothSecretsSign() throws Exception {
        String old = sandbox.webhookSecret();
        String fresh = sandbox.webhooks().rotateSecret();
        sandbox.registerWebhook(receiver.url());

        sandbox.conversations().create(new CreateConversation("during"));
        assertThat(sandbox.webhooks().awaitIdle(Duration.ofSeconds(10))).isTrue();
        sandbox.webhooks().finishSecretRotation();
        sandbox.conversations().create(new CreateConversation("after"));
        assertThat(sandbox.webhooks().awaitIdle(Duration.ofSeconds(10))).isTrue();

        WebhookReceiver.Received during = receiver.received().get(0);
        WebhookReceiver.Received after = receiver.received().get(1);
        assertThat(during.header("webhook-signature").split(" ")).hasSize(2);
        new Webhook(old).verify(during.body(), during.headers());
        new Webhook(fresh).verify(during.body(), during.headers());
        assertThat(sandbox.webhookSecret()).isEqualTo(fresh);
        new Webhook(fresh).verify(after.body(), after.headers());
        assertThatThrownBy(() -> new Webhook(old).verify(after.body(), after.headers()))
                .isInstanceOf(WebhookVerificationException.class);
    }

    @Test
    void theSignerMatchesTheTestVectorOfWebhooksMd() {
        WebhookSecret secret = WebhookSecret.parse("whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw");

        String signature = WebhookSigner.sign(secret, "msg_p5jXN8AQM9LWM0D4loKWxJek", 1614265330L,
                "{\"test\": 2432232314}".getBytes(StandardCharsets.UTF_8));

        assertThat(signature).isEqualTo("v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=");
        assertThat(secret.toString()).doesNotContain("MfKQ9r8");
        assertThatThrownBy(() -> WebhookSecret.parse("MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageNotContaining("MfKQ9r8");
    }

    @Test
    void nothingIsPostedWithoutARegisteredUrlButEventsAreStillRecorded() throws Exception {
        sandbox.conversations().create(new CreateConversation("hi"));

        assertThat(sandbox.webhooks().awaitIdle(Duration.ofSeconds(1))).isTrue();
        assertThat(sandbox.webhooks().events()).hasSize(1);
        assertThat(sandbox.webhooks().attempts()).isEmpty();
        await().during(Duration.ofMillis(50)).atMost(Duration.ofSeconds(1)).until(() -> receiver.received().isEmpty());
    }

    @Test
    void aFaultLosesTheChosenShareOfDeliveriesForGoodTheSameOnesForTheSameSeed() throws Exception {
        sandbox.registerWebhook(receiver.url());
        sandbox.faults().dropWebhookDeliveries(20, 42);
        for (int i = 0; i < 200; i++) {
            sandbox.conversations().create(new CreateConversation("hi " + i));
        }
        assertThat(sandbox.webhooks().awaitIdle(Duration.ofSeconds(20))).isTrue();

        List<String> lost = sandbox.webhooks().lost();
        List<String> produced = sandbox.webhooks().events().stream().map(VelaroEvent::getId).toList();
        List<String> sent = sandbox.webhooks().attempts().stream().map(DeliveryAttempt::id).toList();
        // about a fifth (binomial, 200 draws: 20% +- 3 standard deviations)
        assertThat(lost.size()).isBetween(23, 57);
        assertThat(sent).doesNotContainAnyElementsOf(lost).hasSize(200 - lost.size());
        assertThat(receiver.received()).hasSize(200 - lost.size());
        assertThat(produced).containsAll(lost);
        // the same seed loses the same deliveries (by position in the sequence)
        java.util.Random replay = new java.util.Random(42);
        List<Integer> expected = new java.util.ArrayList<>();
        for (int i = 0; i < 200; i++) {
            if (replay.nextInt(100) < 20) {
                expected.add(i);
            }
        }
        assertThat(lost).containsExactlyElementsOf(expected.stream().map(produced::get).toList());

        // 0 stops it, and reset() forgets what was lost
        sandbox.faults().dropWebhookDeliveries(0, 42);
        sandbox.conversations().create(new CreateConversation("kept"));
        assertThat(sandbox.webhooks().awaitIdle(Duration.ofSeconds(5))).isTrue();
        assertThat(sandbox.webhooks().lost()).hasSameSizeAs(lost);
        assertThat(receiver.received()).hasSize(201 - lost.size());
        assertThatThrownBy(() -> sandbox.faults().dropWebhookDeliveries(101, 1)).hasMessageContaining("0 to 100");
        sandbox.reset();
        assertThat(sandbox.webhooks().lost()).isEmpty();
    }

    private static VelaroEvent event(WebhookReceiver.Received r) {
        try {
            return VelaroJson.read(r.body().getBytes(StandardCharsets.UTF_8), VelaroEvent.class);
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }
}
