package io.github.camelvelaro.sandbox;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import io.github.camelvelaro.sandbox.activity.ActivityStep;
import io.github.camelvelaro.velaro.client.ListQuery;
import io.github.camelvelaro.velaro.model.Conversation;
import io.github.camelvelaro.velaro.model.VelaroEvent;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

class SandboxActivityTest {

    static final Instant T0 = Instant.parse("2026-03-10T10:00:00Z");

    private static VelaroSandbox sandbox(long seed) {
        // not started: the generator works on the data directly
        return new VelaroSandbox(SandboxSettings.defaults().withSeed(seed).withClock(SandboxClock.frozenAt(T0)));
    }

    @Test
    void theSameSeedTellsTheSameStory() {
        try (VelaroSandbox a = sandbox(7); VelaroSandbox b = sandbox(7); VelaroSandbox c = sandbox(8)) {
            List<ActivityStep> first = a.activity().tick(50);
            List<ActivityStep> second = b.activity().tick(50);
            List<ActivityStep> other = c.activity().tick(50);

            assertThat(second).isEqualTo(first);
            assertThat(other).isNotEqualTo(first);
        }
    }

    @Test
    void ticksFollowTheConversationLifeCycleAndAnnounceEachChange() {
        try (VelaroSandbox sandbox = sandbox(42)) {
            List<ActivityStep> steps = sandbox.activity().tick(300);

            Map<String, Long> byAction = steps.stream().collect(Collectors.groupingBy(ActivityStep::action,
                    Collectors.counting()));
            assertThat(byAction).containsKeys("conversation.created", "conversation.assigned", "conversation.resolved",
                    "conversation.missed", "contact.created", "contact.updated");
            List<Conversation> all = sandbox.conversations().list(ListQuery.page(1, 100)).getData();
            assertThat(all).hasSize(byAction.get("conversation.created").intValue());
            for (Conversation c : all) {
                switch (c.getStatus()) {
                    case "resolved" -> {
                        assertThat(c.getAssignedAgent()).isNotNull();
                        assertThat(c.getResolvedAt()).isEqualTo(c.getUpdatedAt());
                    }
                    case "missed" -> assertThat(c.getAssignedAgent()).isNull();
                    case "abandoned" -> assertThat(c.getAssignedAgent()).isNotNull();
                    default -> assertThat(c.getStatus()).isEqualTo("open");
                }
                assertThat(c.getUpdatedAt()).isAfterOrEqualTo(c.getCreatedAt());
            }
            // every change with an event type became an event, in order
            List<String> announced = steps.stream().map(ActivityStep::action)
                    .filter(a -> !a.equals("conversation.abandoned") && !a.equals("conversation.message")).toList();
            assertThat(sandbox.webhooks().events()).extracting(VelaroEvent::getType).containsExactlyElementsOf(announced);
            assertThat(sandbox.contacts().size()).isEqualTo(byAction.get("contact.created").intValue());
        }
    }

    @Test
    void returningVisitorsAreLinkedToTheirContact() {
        try (VelaroSandbox sandbox = sandbox(3)) {
            sandbox.activity().tick(200);

            List<Conversation> linked = sandbox.conversations().list(ListQuery.page(1, 100)).getData().stream()
                    .filter(c -> c.getContactId() != null).toList();
            assertThat(linked).isNotEmpty();
            for (Conversation c : linked) {
                assertThat(sandbox.contacts().get(c.getContactId()).orElseThrow().getEmail())
                        .isEqualToIgnoringCase(c.getVisitorEmail());
            }
        }
    }

    @Test
    void startedActivityRunsOnItsOwnUntilStopped() {
        try (VelaroSandbox sandbox = new VelaroSandbox().start()) {
            ApiCalls api = new ApiCalls(sandbox.baseUrl());
            String key = sandbox.createReadOnlyKey();

            sandbox.activity().start(Duration.ofMillis(10));
            assertThat(sandbox.activity().isRunning()).isTrue();
            await().atMost(Duration.ofSeconds(10))
                    .until(() -> sandbox.conversations().size() + sandbox.contacts().size() >= 10);
            sandbox.activity().stop();
            int after = sandbox.webhooks().events().size();

            assertThat(sandbox.activity().isRunning()).isFalse();
            await().during(Duration.ofMillis(100)).atMost(Duration.ofSeconds(2))
                    .until(() -> sandbox.webhooks().events().size() == after);
            // what the generator did is what a client sees
            assertThat(ApiCalls.json(api.get("/conversations?pageSize=100", key)).path("totalCount").asInt())
                    .isEqualTo(sandbox.conversations().size());
        }
    }
}
