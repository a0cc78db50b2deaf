package io.github.camelvelaro.kamelets;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.camelvelaro.sandbox.SandboxSettings;
import io.github.camelvelaro.sandbox.junit.VelaroSandboxExtension;
import io.github.camelvelaro.sandbox.webhooks.DeliveryAttempt;
import io.github.camelvelaro.sandbox.webhooks.RetryPolicy;
import io.github.camelvelaro.velaro.VelaroConstants;
import io.github.camelvelaro.velaro.model.ContactInput;
import io.github.camelvelaro.velaro.model.Conversation;
import io.github.camelvelaro.velaro.model.CreateConversation;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.mock.MockEndpoint;
import org.apache.camel.component.platform.http.vertx.VertxPlatformHttpServer;
import org.apache.camel.component.platform.http.vertx.VertxPlatformHttpServerConfiguration;
import org.apache.camel.test.junit5.CamelTestSupport;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Each kamelet, loaded from this module's classpath by camel-kamelet and the YAML DSL (as JBang, a Pipe or a route
 * with {@code kamelet:velaro-…} would load it), run against the sandbox.
 */
class VelaroKameletsTest extends CamelTestSupport {

    /** A signing secret with '+' and '/': a URI that does not keep it raw turns '+' into a space. */
    static final String SECRET = "whsec_" + "++++////".repeat(4);

    @RegisterExtension
    static VelaroSandboxExtension sandbox = new VelaroSandboxExtension(SandboxSettings.defaults()
            .withWebhookSecret(SECRET).withWebhookRetry(RetryPolicy.fast()));

    private static final String KEY = sandbox.createReadWriteKey();
    private static final long WAIT_MILLIS = 10_000;

    private final ObjectMapper json = new ObjectMapper();
    private VertxPlatformHttpServer server;

    @BeforeEach
    void emptySite() {
        sandbox.reset();
    }

    /** The platform-http server the webhook source listens on: vert.x on a free loopback port. */
    @Override
    protected CamelContext createCamelContext() throws Exception {
        CamelContext camel = super.createCamelContext();
        VertxPlatformHttpServerConfiguration configuration = new VertxPlatformHttpServerConfiguration();
        configuration.setBindHost("127.0.0.1");
        configuration.setBindPort(0);
        server = new VertxPlatformHttpServer(configuration);
        camel.addService(server);
        return camel;
    }

    @Test
    void conversationSourceDeliversConversationsAsJsonInUpdateOrder() throws Exception {
        Conversation ann = sandbox.conversations().create(conversation("Ann", "Hi"));
        Conversation bob = sandbox.conversations().create(conversation("Bob", "Hello"));
        MockEndpoint out = runSource("velaro-conversation-source?" + velaro() + "&startFrom=beginning&delay=100", 2);

        List<JsonNode> bodies = new ArrayList<>();
        for (Exchange delivered : out.getReceivedExchanges()) {
            assertThat(delivered.getMessage().getBody()).isInstanceOf(String.class);
            assertThat(delivered.getMessage().getHeader("Content-Type")).isEqualTo("application/json");
            JsonNode body = json.readTree(delivered.getMessage().getBody(String.class));
            assertThat(delivered.getMessage().getHeader(VelaroConstants.CONVERSATION_ID))
                    .isEqualTo(body.path("id").asText());
            bodies.add(body);
        }
        // the contract's order: updatedAt, then id (the two may share a millisecond)
        List<Conversation> expected = Stream.of(ann, bob).sorted(Comparator.comparing(Conversation::getUpdatedAt)
                .thenComparing(Conversation::getId)).toList();
        assertThat(bodies).extracting(body -> body.path("id").asText())
                .containsExactly(expected.get(0).getId(), expected.get(1).getId());
        JsonNode annBody = bodies.stream().filter(body -> body.path("id").asText().equals(ann.getId())).findFirst()
                .orElseThrow();
        assertThat(annBody.path("visitorName").asText()).isEqualTo("Ann");
        assertThat(annBody.path("createdAt").asText()).isEqualTo(ann.getCreatedAt().toString());
    }

    @Test
    void conversationSourcePassesTheStatusOn() throws Exception {
        sandbox.conversations().create(conversation("Ann", "Still open"));
        Conversation resolved = sandbox.conversations().create(conversation("Bob", "Thanks, bye"));
        sandbox.conversations().resolve(resolved.getId());
        MockEndpoint out = runSource("velaro-conversation-source?" + velaro()
                                     + "&startFrom=beginning&delay=100&status=resolved", 1);

        JsonNode body = json.readTree(out.getReceivedExchanges().get(0).getMessage().getBody(String.class));
        assertThat(body.path("id").asText()).isEqualTo(resolved.getId());
        assertThat(body.path("status").asText()).isEqualTo("resolved");
        assertThat(sandbox.journal().entries("GET", "/conversations")).allSatisfy(
                entry -> assertThat(entry.query()).contains("status=resolved"));
    }

    @Test
    void conversationSinkOpensAConversationAndAnswersItAsJson() throws Exception {
        String answer = template.requestBodyAndHeader("kamelet:velaro-conversation-sink?" + velaro(),
                "{\"visitorName\":\"Jane Doe\",\"message\":\"Hi, where is my order?\"}",
                // left by an earlier step: the sink must still create
                VelaroConstants.OPERATION, "list", String.class);

        JsonNode created = json.readTree(answer);
        assertThat(sandbox.conversations().get(created.path("id").asText())).hasValueSatisfying(conversation ->
                assertThat(conversation.getVisitorName()).isEqualTo("Jane Doe"));
        assertThat(sandbox.conversations().size()).isEqualTo(1);
    }

    @Test
    void parametersCanComeFromProperties() throws Exception {
        context.getPropertiesComponent().addOverrideProperty("camel.kamelet.velaro-conversation-sink.apiKey", KEY);
        context.getPropertiesComponent().addOverrideProperty("camel.kamelet.velaro-conversation-sink.baseUrl",
                sandbox.baseUrl());

        template.requestBody("kamelet:velaro-conversation-sink", "{\"message\":\"From a property file\"}",
                String.class);

        assertThat(sandbox.conversations().size()).isEqualTo(1);
    }

    @Test
    void contactSinkCreatesThenUpdatesTheContactWhoseIdTheMessageCarries() throws Exception {
        String sink = "kamelet:velaro-contact-sink?" + velaro();
        JsonNode created = json.readTree(template.requestBody(sink,
                "{\"name\":\"Jane Doe\",\"email\":\"jane@example.com\"}", String.class));
        String id = created.path("id").asText();
        assertThat(sandbox.contacts().get(id)).isPresent();

        // the kamelet-style header
        template.requestBodyAndHeader(sink, "{\"name\":\"Jane Q. Doe\"}", "contact-id", id, String.class);
        assertThat(sandbox.contacts().get(id).orElseThrow().getName()).isEqualTo("Jane Q. Doe");

        // the component's header, as a velaro source sets it
        String updated = template.requestBodyAndHeader(sink, "{\"phone\":\"+15550100\"}",
                VelaroConstants.CONTACT_ID, id, String.class);
        assertThat(json.readTree(updated).path("phone").asText()).isEqualTo("+15550100");
        assertThat(sandbox.contacts().get(id).orElseThrow().getEmail()).isEqualTo("jane@example.com");

        assertThat(sandbox.contacts().size()).isEqualTo(1);
        assertThat(sandbox.journal().entries("PATCH", "/contacts/" + id)).hasSize(2);
    }

    @Test
    void contactSinkCreatesWhenNoIdIsGivenWhateverOperationHeaderCameAlong() throws Exception {
        template.requestBodyAndHeaders("kamelet:velaro-contact-sink?" + velaro(),
                "{\"name\":\"Bob\",\"email\":\"bob@example.com\"}",
                Map.of(VelaroConstants.OPERATION, "update", "contact-id", ""), String.class);

        assertThat(sandbox.contacts().idByEmail("bob@example.com")).isPresent();
    }

    @Test
    void webhookSourceReceivesSignedEventsOfTheChosenTypes() throws Exception {
        MockEndpoint out = expect(2);
        route("kamelet:velaro-webhook-source?webhookSecret=RAW(" + SECRET + ")"
              + "&eventTypes=conversation.created,conversation.resolved", out.getEndpointUri());
        sandbox.registerWebhook("http://127.0.0.1:" + server.getServer().actualPort() + "/velaro/events");

        Conversation conversation = sandbox.conversations().create(conversation("Jane Doe", "Hi"));
        ContactInput contact = new ContactInput();
        contact.setEmail("jane@example.com");
        sandbox.contacts().save(contact);
        sandbox.conversations().resolve(conversation.getId());

        out.assertIsSatisfied(WAIT_MILLIS);
        Exchange created = out.getReceivedExchanges().get(0);
        JsonNode event = json.readTree(created.getMessage().getBody(String.class));
        assertThat(event.path("type").asText()).isEqualTo("conversation.created");
        assertThat(event.path("data").path("id").asText()).isEqualTo(conversation.getId());
        assertThat(created.getMessage().getHeader(VelaroConstants.EVENT_TYPE)).isEqualTo("conversation.created");
        assertThat(created.getMessage().getHeader(VelaroConstants.CONVERSATION_ID)).isEqualTo(conversation.getId());
        assertThat(out.getReceivedExchanges().get(1).getMessage().getHeader(VelaroConstants.EVENT_TYPE))
                .isEqualTo("conversation.resolved");

        // every delivery answered 2xx at its first attempt: verified, and the contact event dropped on purpose
        assertThat(sandbox.webhooks().awaitIdle(Duration.ofSeconds(5))).isTrue();
        assertThat(sandbox.webhooks().attempts()).allSatisfy(attempt -> {
            assertThat(attempt.acknowledged()).as("status %s", attempt.status()).isTrue();
            assertThat(attempt.attempt()).isEqualTo(1);
        }).extracting(DeliveryAttempt::type)
                .containsExactly("conversation.created", "contact.created", "conversation.resolved");
    }

    @Test
    void webhookSourceRefusesDeliveriesSignedWithAnotherSecret() throws Exception {
        MockEndpoint out = expect(0);
        route("kamelet:velaro-webhook-source?webhookSecret=RAW(whsec_" + "AAAABBBB".repeat(4) + ")",
                out.getEndpointUri());
        sandbox.registerWebhook("http://127.0.0.1:" + server.getServer().actualPort() + "/velaro/events");

        sandbox.conversations().create(conversation("Mallory", "Hi"));

        await().atMost(Duration.ofSeconds(5)).until(() -> !sandbox.webhooks().attempts().isEmpty());
        assertThat(sandbox.webhooks().attempts().get(0).status()).isEqualTo(401);
        out.assertIsSatisfied();
    }

    /** A mock that expects exactly {@code count} messages, and no more for a while after them. */
    private MockEndpoint expect(int count) {
        MockEndpoint out = getMockEndpoint("mock:out");
        out.expectedMessageCount(count);
        out.setAssertPeriod(300);
        return out;
    }

    /** Runs {@code kamelet:<kamelet>} into a mock until it delivered {@code count} messages. */
    private MockEndpoint runSource(String kamelet, int count) throws Exception {
        MockEndpoint out = expect(count);
        route("kamelet:" + kamelet, out.getEndpointUri());
        out.assertIsSatisfied(WAIT_MILLIS);
        return out;
    }

    private String velaro() {
        return "apiKey=" + KEY + "&baseUrl=" + sandbox.baseUrl();
    }

    private void route(String from, String to) throws Exception {
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from(from).to(to);
            }
        });
    }

    private static CreateConversation conversation(String visitor, String message) {
        CreateConversation input = new CreateConversation();
        input.setVisitorName(visitor);
        input.setMessage(message);
        return input;
    }
}
