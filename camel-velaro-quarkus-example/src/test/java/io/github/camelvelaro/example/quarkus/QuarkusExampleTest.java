package io.github.camelvelaro.example.quarkus;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

import io.github.camelvelaro.example.quarkus.SandboxResource.InjectSandbox;
import io.github.camelvelaro.sandbox.VelaroSandbox;
import io.github.camelvelaro.velaro.VelaroComponent;
import io.github.camelvelaro.velaro.model.Conversation;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.apache.camel.CamelContext;
import org.apache.camel.ProducerTemplate;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The example application, built and started by Quarkus (JVM mode), against a sandbox: it creates a conversation
 * through the producer route, its poller and its webhook receiver (signed events from the sandbox) deliver it, and
 * a change made on Velaro's side reaches both.
 */
@QuarkusTest
@QuarkusTestResource(value = SandboxResource.class, restrictToAnnotatedClass = true)
class QuarkusExampleTest {

    @InjectSandbox
    VelaroSandbox sandbox;

    @ConfigProperty(name = "camel.component.velaro.api-key")
    String apiKey;

    @Inject
    ProducerTemplate template;

    @Inject
    CamelContext context;

    @Inject
    ConversationTally tally;

    @Test
    void configuredFromApplicationProperties() {
        VelaroComponent velaro = context.getComponent("velaro", VelaroComponent.class);

        assertThat(velaro.getAccount().getBaseUrl()).isEqualTo(sandbox.baseUrl());
        assertThat(velaro.getAccount().getDailyRequestLimit()).isEqualTo(1000);
    }

    @Test
    void noSecretInTheLog() throws IOException {
        String log = Files.readString(Path.of("target/quarkus-test.log"));

        assertThat(log).contains("velaro.webhook.secret").contains("camel.component.velaro.apiKey");
        assertThat(log).doesNotContain(sandbox.webhookSecret()).doesNotContain(apiKey);
    }

    @Test
    void createsAConversationAndPollsItsChanges() {
        // the poller starts from "now" on Velaro's clock, set by its first poll: what is older it leaves alone
        await().atMost(Duration.ofSeconds(20))
                .until(() -> !sandbox.journal().entries("GET", "/conversations").isEmpty());
        Conversation created = template.requestBody("direct:new-chat",
                Map.of("message", "Hi, where is my order?", "visitorName", "Ada"), Conversation.class);

        assertThat(sandbox.conversations().get(created.getId())).isPresent();
        await().atMost(Duration.ofSeconds(20))
                .untilAsserted(() -> assertThat(tally.eventsOf("conversation.created")).isPositive());
        await().atMost(Duration.ofSeconds(20))
                .untilAsserted(() -> assertThat(tally.statusOf(created.getId())).isEqualTo(created.getStatus()));

        sandbox.conversations().resolve(created.getId());

        await().atMost(Duration.ofSeconds(20))
                .untilAsserted(() -> assertThat(tally.statusOf(created.getId())).isEqualTo("resolved"));
        await().atMost(Duration.ofSeconds(20))
                .untilAsserted(() -> assertThat(tally.eventsOf("conversation.resolved")).isPositive());
    }
}
