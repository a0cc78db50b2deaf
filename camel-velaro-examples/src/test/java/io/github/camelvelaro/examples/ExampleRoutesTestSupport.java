package io.github.camelvelaro.examples;

import io.github.camelvelaro.velaro.exception.VelaroServerException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import io.github.camelvelaro.examples.console.StatsSnapshot;
import io.github.camelvelaro.examples.routes.RouteIds;
import io.github.camelvelaro.examples.site.ExampleProperties;
import io.github.camelvelaro.examples.site.SandboxSite;
import io.github.camelvelaro.sandbox.VelaroSandbox;
import io.github.camelvelaro.sandbox.workflows.WorkflowRun;
import io.github.camelvelaro.velaro.model.Contact;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Runs the example application (Camel Main, the routes of one DSL, the console) against the embedded sandbox with
 * no generated activity: the test plays visitor and agent, and checks what the routes did in the sandbox (contacts,
 * workflow runs) and in the console's counts.
 */
abstract class ExampleRoutesTestSupport {

    static final String EMAIL = "jane.doe@example.com";
    /** Free text as visitors type it: quotes and commas must reach Velaro unharmed. */
    static final String NAME = "Jane \"JD\" O'Doe, Jr.";

    private final List<String> console = new CopyOnWriteArrayList<>();
    private CapturedLog log;
    private ExampleApplication app;
    private VelaroSandbox sandbox;

    protected abstract ExampleSettings.RoutesDsl routes();

    @BeforeEach
    void startExample() throws Exception {
        log = new CapturedLog();
        ExampleSettings settings = ExampleSettings.defaults()
                .withRoutes(routes())
                .withSandbox(SandboxOptions.quiet(100, 42))
                .withSummaryEvery(Duration.ofHours(1));
        app = ExampleApplication.create(settings, console::add);
        app.start();
        sandbox = ((SandboxSite) app.site()).sandbox();
        // the poller starts from "now" at its first poll: changes made before it would not be delivered
        await().atMost(Duration.ofSeconds(10))
                .until(() -> !sandbox.journal().entries("GET", "/conversations").isEmpty());
    }

    @AfterEach
    void stopExample() {
        try {
            if (app != null) {
                app.close();
            }
        } finally {
            log.close();
        }
    }

    @Test
    void followsUpEachResolvedConversationOnceCreatingThenUpdatingTheVisitorsContact() throws Exception {
        String first = visitorStartsAndIsHelped();
        awaitWorkflowRuns(1);
        Contact created = contact(EMAIL);
        assertThat(created.getName()).isEqualTo(NAME);
        assertThat(created.getCustomData()).containsEntry("lastConversationId", first)
                .containsKey("lastResolvedAt");

        String second = visitorStartsAndIsHelped();
        awaitWorkflowRuns(2);
        assertThat(sandbox.webhooks().awaitIdle(Duration.ofSeconds(5))).isTrue();

        // the returning visitor's contact was updated, not duplicated
        assertThat(sandbox.contacts().size()).isEqualTo(1);
        Contact updated = contact(EMAIL);
        assertThat(updated.getId()).isEqualTo(created.getId());
        assertThat(updated.getName()).isEqualTo(NAME);
        assertThat(updated.getCustomData()).containsEntry("lastConversationId", second);
        assertThat(sandbox.journal().entries("POST", "/contacts")).hasSize(1);
        assertThat(sandbox.journal().entries("PATCH", "/contacts/" + created.getId())).hasSize(1);

        // one survey per conversation, although both the webhook and the poller delivered each resolution
        assertThat(sandbox.workflowRuns()).extracting(WorkflowRun::workflow).containsOnly("follow-up-survey");
        assertThat(sandbox.workflowRuns()).extracting(run -> (Object) body(run).get("conversationId"))
                .containsExactly(first, second);
        assertThat(sandbox.workflowRuns()).allSatisfy(run -> assertThat(body(run))
                .containsEntry("survey", "csat").containsEntry("contactId", created.getId())
                .containsEntry("channel", "web"));

        StatsSnapshot stats = app.stats().snapshot();
        assertThat(stats.conversationsPolled()).isEqualTo(6);
        assertThat(stats.eventsByType()).containsExactly(
                Map.entry("contact.created", 1L), Map.entry("contact.updated", 1L),
                Map.entry("conversation.assigned", 2L), Map.entry("conversation.created", 2L),
                Map.entry("conversation.resolved", 2L));
        assertThat(stats.followedUp()).isEqualTo(2);
        assertThat(stats.contactsCreated()).isEqualTo(1);
        assertThat(stats.contactsUpdated()).isEqualTo(1);
        assertThat(stats.workflowsTriggered()).isEqualTo(2);
        assertThat(stats.errors()).isZero();

        assertThat(app.summary().summary("Velaro example")).containsSubsequence(
                "  Polled     6 conversation changes",
                "  Webhooks   8 events: contact.created 1 · contact.updated 1 · conversation.assigned 2 · "
                + "conversation.created 2 · conversation.resolved 2",
                "  Resolved   2 conversations followed up (" + stats.followedUpFromWebhook() + " from webhooks, "
                + stats.followedUpFromPolling() + " from polling)",
                "  Contacts   1 created · 1 updated",
                "  Workflows  2 follow-up surveys started",
                "  Errors     none");
        assertThat(log.text()).contains("Contact " + created.getId() + " created after " + first,
                "Contact " + created.getId() + " updated after " + second,
                "Follow-up survey started for " + second);
    }

    @Test
    void aFailedFollowUpIsOneLineAndIsRetriedByTheRedelivery() throws Exception {
        sandbox.faults().next(1).method("POST").path("/contacts").status(503);

        visitorStartsAndIsHelped();

        awaitWorkflowRuns(1);
        assertThat(sandbox.contacts().size()).isEqualTo(1);
        StatsSnapshot stats = app.stats().snapshot();
        assertThat(stats.errors()).isEqualTo(1);
        assertThat(stats.lastError()).startsWith(RouteIds.UPSERT_CONTACT + ": VelaroServerException: ");
        assertThat(stats.contactsCreated()).isEqualTo(1);
        assertThat(log.text()).containsOnlyOnce(RouteIds.UPSERT_CONTACT + " failed: VelaroServerException: ")
                .doesNotContain("\tat ", "Stacktrace", "Message History");
    }

    @Test
    void secretsNeverReachTheConsoleOrTheLog() throws Exception {
        String baseUrl = sandbox.baseUrl();
        String keyPart = app.site().properties().get(ExampleProperties.API_KEY).substring("vlk_".length());
        String secretPart = sandbox.webhookSecret().substring("whsec_".length());
        String triggerUrl = app.site().properties().get(ExampleProperties.WORKFLOW_TRIGGER_URL);
        String triggerToken = triggerUrl.substring(triggerUrl.lastIndexOf('/') + 1);
        visitorStartsAndIsHelped();
        awaitWorkflowRuns(1);
        app.close();

        String everything = String.join("\n", console) + "\n" + log.text();
        assertThat(console.get(0)).isEqualTo("No VELARO_API_KEY set: running against the embedded Velaro sandbox at "
                                             + baseUrl + " — set VELARO_API_KEY to use api.velaro.com");
        assertThat(everything).contains("Velaro example stopped", "Follow-up survey started for")
                .doesNotContain(keyPart)
                .doesNotContain(secretPart)
                .doesNotContain(triggerToken);
    }

    /** A visitor with {@link #EMAIL} starts a conversation, an agent takes it and resolves it; waits for each poll. */
    private String visitorStartsAndIsHelped() {
        long polled = app.stats().snapshot().conversationsPolled();
        String id = Visitors.startsConversation(sandbox, NAME, EMAIL, "Hi, I have a question about my order");
        awaitPolled(polled + 1);
        sandbox.conversations().assign(id, "Alex (agent)");
        awaitPolled(polled + 2);
        sandbox.conversations().resolve(id);
        awaitPolled(polled + 3);
        return id;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> body(WorkflowRun run) {
        return (Map<String, Object>) run.body();
    }

    private void awaitWorkflowRuns(int count) throws InterruptedException {
        assertThat(sandbox.awaitWorkflowRuns(count, Duration.ofSeconds(10))).hasSize(count);
        // the sandbox records a run when the request arrives; the route counts it when the answer is back
        await().atMost(Duration.ofSeconds(10)).until(() -> app.stats().snapshot().workflowsTriggered() >= count);
    }

    /** Each change is delivered before the next is made, so none is folded into a later one. */
    private void awaitPolled(long count) {
        await().atMost(Duration.ofSeconds(10)).until(() -> app.stats().snapshot().conversationsPolled() >= count);
    }

    private Contact contact(String email) {
        String id = sandbox.contacts().idByEmail(email).orElseThrow(() -> new AssertionError("no contact " + email));
        return sandbox.contacts().get(id).orElseThrow();
    }
}
