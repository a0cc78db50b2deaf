package io.github.camelvelaro.examples;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import io.github.camelvelaro.sandbox.SandboxSettings;
import io.github.camelvelaro.sandbox.VelaroSandbox;
import io.github.camelvelaro.sandbox.webhooks.RetryPolicy;
import io.github.camelvelaro.sandbox.workflows.WorkflowRun;
import org.apache.camel.component.platform.http.PlatformHttpComponent;
import org.apache.camel.main.Main;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The YAML routes and application.properties under a plain Camel Main, as Camel JBang runs them: no class of this
 * module, only Camel, camel-velaro and the settings JBang would take from the environment (given here as the
 * properties {@code application.properties} maps those variables to).
 */
class PlainCamelMainYamlTest {

    private VelaroSandbox velaro;
    private Main main;

    @BeforeEach
    void start() {
        velaro = new VelaroSandbox(SandboxSettings.defaults().withSeed(11).withWebhookRetry(RetryPolicy.fast())).start();
        main = new Main();
        main.addOverrideProperty("camel.main.routes-include-pattern", "classpath:routes/*.camel.yaml");
        main.addOverrideProperty("camel.server.port", "0");
        main.addOverrideProperty("camel.server.host", "127.0.0.1");
        main.addOverrideProperty("camel.component.velaro.api-key", velaro.createReadWriteKey());
        main.addOverrideProperty("camel.component.velaro.base-url", velaro.baseUrl());
        main.addOverrideProperty("velaro.webhook-secret", velaro.webhookSecret());
        main.addOverrideProperty("velaro.workflow-trigger-url", velaro.createWorkflowTrigger("follow-up-survey"));
        main.addOverrideProperty("velaro.poll-delay", "200");
        main.start();
    }

    @AfterEach
    void stop() {
        main.stop();
        velaro.stop();
    }

    @Test
    void theYamlRoutesNeedNothingButCamelAndTheComponent() throws Exception {
        int port = main.getCamelContext().getComponent("platform-http", PlatformHttpComponent.class).getEngine()
                .getServerPort();
        velaro.registerWebhook("http://127.0.0.1:" + port + "/velaro/events");
        await().atMost(Duration.ofSeconds(10)).until(() -> !velaro.journal().entries("GET", "/conversations").isEmpty());

        String id = Visitors.startsConversation(velaro, "Mei Chen", "mei@example.com", "I was charged twice");
        velaro.conversations().assign(id, "Robin (agent)");
        velaro.conversations().resolve(id);

        List<WorkflowRun> runs = velaro.awaitWorkflowRuns(1, Duration.ofSeconds(10));
        assertThat(runs).hasSize(1);
        assertThat(((Map<?, ?>) runs.get(0).body()).get("conversationId")).isEqualTo(id);
        String contactId = velaro.contacts().idByEmail("mei@example.com").orElseThrow();
        assertThat(velaro.contacts().get(contactId).orElseThrow().getName()).isEqualTo("Mei Chen");
        assertThat(main.getCamelContext().getRoutes()).hasSize(5);
    }
}
