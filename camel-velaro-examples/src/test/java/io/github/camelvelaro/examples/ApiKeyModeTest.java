package io.github.camelvelaro.examples;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.CopyOnWriteArrayList;

import io.github.camelvelaro.examples.routes.RouteIds;
import io.github.camelvelaro.sandbox.SandboxSettings;
import io.github.camelvelaro.sandbox.VelaroSandbox;
import org.apache.camel.Route;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * With {@code VELARO_API_KEY} set, the example talks to the Velaro it is given ({@code VELARO_BASE_URL}, here a
 * sandbox standing in for api.velaro.com) with its own settings only. Without a webhook secret and a trigger URL, the
 * routes needing them are left out and the console says which variable to set, while polling still follows up
 * resolved conversations.
 */
class ApiKeyModeTest {

    private final List<String> console = new CopyOnWriteArrayList<>();
    private VelaroSandbox velaro;
    private ExampleApplication app;

    @BeforeEach
    void startVelaro() {
        velaro = new VelaroSandbox(SandboxSettings.defaults().withSeed(7)).start();
    }

    @AfterEach
    void stop() {
        if (app != null) {
            app.close();
        }
        velaro.stop();
    }

    @ParameterizedTest
    @EnumSource(ExampleSettings.RoutesDsl.class)
    void routesWhoseSettingIsMissingAreLeftOutAndPollingStillFollowsUp(ExampleSettings.RoutesDsl routes)
            throws Exception {
        Map<String, String> env = Map.of(
                VelaroAccount.API_KEY, velaro.createReadWriteKey(),
                VelaroAccount.BASE_URL, velaro.baseUrl(),
                // a plan of 172,800 requests a day: the budget-aware delay is then 1 s instead of 173 s
                VelaroAccount.DAILY_REQUEST_LIMIT, "172800");
        Properties system = new Properties();
        system.setProperty("routes", routes.name().toLowerCase());
        system.setProperty("summary", "1");
        app = ExampleApplication.create(ExampleSettings.from(env, system), console::add);
        app.start();

        assertThat(app.camelContext().getRoutes()).extracting(Route::getRouteId).containsExactlyInAnyOrder(
                RouteIds.POLL_CONVERSATIONS, RouteIds.RESOLVED_CONVERSATION, RouteIds.UPSERT_CONTACT);
        assertThat(console).containsSubsequence(
                "VELARO_API_KEY set: running against " + velaro.baseUrl(),
                "  Polling    conversations every 1 s, which keeps quiet polls within half of the daily request budget",
                "  Webhooks   off: set VELARO_WEBHOOK_SECRET (Velaro Settings → Webhooks) to receive events; resolved "
                + "conversations still arrive by polling",
                "  Workflow   off: set VELARO_WORKFLOW_TRIGGER_URL to start a follow-up survey");
        assertThat(velaro.webhooks().events()).isEmpty();

        await().atMost(Duration.ofSeconds(10))
                .until(() -> !velaro.journal().entries("GET", "/conversations").isEmpty());
        String id = Visitors.startsConversation(velaro, "Omar Haddad", "omar@example.com", "Do you ship to Canada?");
        velaro.conversations().assign(id, "Sam (agent)");
        velaro.conversations().resolve(id);

        await().atMost(Duration.ofSeconds(10)).until(() -> velaro.contacts().idByEmail("omar@example.com").isPresent());
        await().atMost(Duration.ofSeconds(5)).until(() -> app.stats().snapshot().contactsCreated() == 1);
        assertThat(app.stats().snapshot().followedUpFromPolling()).isEqualTo(1);
        // the console's own summary, printed every second here, reaches the same counts
        await().atMost(Duration.ofSeconds(5)).until(() -> console.stream().anyMatch(block ->
                block.startsWith("── Velaro example · ") && block.contains("  Contacts   1 created · 0 updated")));
        assertThat(app.summary().summary("Velaro example")).contains(
                "  Webhooks   off (set VELARO_WEBHOOK_SECRET)",
                "  Resolved   1 conversation followed up (0 from webhooks, 1 from polling)",
                "  Workflows  off (set VELARO_WORKFLOW_TRIGGER_URL)");
    }
}
