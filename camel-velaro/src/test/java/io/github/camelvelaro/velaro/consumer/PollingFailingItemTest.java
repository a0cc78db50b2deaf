package io.github.camelvelaro.velaro.consumer;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;

import io.github.camelvelaro.velaro.LogCapture;
import io.github.camelvelaro.velaro.VelaroConstants;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.health.HealthCheck;
import org.apache.camel.support.processor.state.MemoryStateRepository;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** An item whose route always fails is never retried in silence: the health check names it, or it is skipped. */
class PollingFailingItemTest extends PollingTestSupport {

    private static final String T1 = "2026-11-27T10:00:01Z";
    private static final String T2 = "2026-11-27T10:00:02Z";
    private static final String T3 = "2026-11-27T10:00:03Z";

    private final ManualScheduler polls = new ManualScheduler();
    private final MemoryStateRepository offsets = new MemoryStateRepository();
    /** While set, c2 fails in the route. */
    private final AtomicBoolean c2Fails = new AtomicBoolean(true);

    @BeforeEach
    void conversations() {
        FEED.putConversation("c1", T1);
        FEED.putConversation("c2", T2);
        FEED.putConversation("c3", T3);
        context.getRegistry().bind("polls", polls);
        context.getRegistry().bind("offsets", offsets);
    }

    private void pollWithFailingC2(String options) throws Exception {
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from(velaro("conversations", "startFrom=beginning&scheduler=#polls&offsetRepository=#offsets&" + options))
                        .routeId("r")
                        .process(e -> {
                            if (c2Fails.get() && "c2".equals(e.getMessage().getHeader(VelaroConstants.CONVERSATION_ID))) {
                                throw new IllegalStateException("the CRM rejects c2");
                            }
                        })
                        .to("mock:r");
            }
        });
    }

    private HealthCheck.Result health() {
        return consumer("r").getHealthCheck().call(Map.of());
    }

    private PollCursor cursor() {
        return cursorIn(offsets.getState(CONVERSATIONS_OFFSET));
    }

    @Test
    void afterMaxItemFailuresTheHealthCheckIsDownNamingTheItemAndTheLastError() throws Exception {
        pollWithFailingC2("maxItemFailures=3");

        polls.run(2);
        HealthCheck.Result retrying = health();
        assertThat(retrying.getState()).as("2 failures of 3").isEqualTo(HealthCheck.State.UP);
        assertThat(retrying.getDetails()).containsEntry(VelaroPollHealthCheck.FAILING_ITEM_ID, "c2")
                .containsEntry(VelaroPollHealthCheck.FAILING_ITEM_FAILURES, 2);

        polls.run(1);
        HealthCheck.Result down = health();
        assertThat(down.getState()).isEqualTo(HealthCheck.State.DOWN);
        assertThat(down.getMessage()).get().asString().contains("c2").contains(T2).contains("failed 3 deliveries")
                .contains("the CRM rejects c2");
        assertThat(down.getError()).get().isInstanceOf(IllegalStateException.class);
        assertThat(down.getDetails()).containsEntry(VelaroPollHealthCheck.FAILING_ITEM_ID, "c2")
                .containsEntry(VelaroPollHealthCheck.FAILING_ITEM_UPDATED_AT, T2)
                .containsEntry(VelaroPollHealthCheck.FAILING_ITEM_FAILURES, 3)
                .containsEntry(VelaroPollHealthCheck.FAILING_ITEM_LAST_ERROR, "IllegalStateException: the CRM rejects c2")
                .containsEntry(VelaroPollHealthCheck.SKIPPED_ITEMS, 0L);
        polls.run(2);
        assertThat(health().getState()).as("still held back").isEqualTo(HealthCheck.State.DOWN);
        assertThat(delivered(getMockEndpoint("mock:r"))).as("nothing after c2").containsExactly("c1@" + T1);
        assertThat(cursor()).isEqualTo(new PollCursor(Instant.parse(T1), java.util.Set.of("c1")));

        // the CRM is fixed: c2 goes through and the poller is healthy again
        c2Fails.set(false);
        polls.run(1);
        assertThat(delivered(getMockEndpoint("mock:r"))).containsExactly("c1@" + T1, "c2@" + T2, "c3@" + T3);
        HealthCheck.Result up = health();
        assertThat(up.getState()).isEqualTo(HealthCheck.State.UP);
        assertThat(up.getDetails()).doesNotContainKey(VelaroPollHealthCheck.FAILING_ITEM_ID);
    }

    @Test
    void aNewerVersionOfTheFailingItemStartsCountingAgain() throws Exception {
        pollWithFailingC2("maxItemFailures=2");
        polls.run(2);
        assertThat(health().getState()).isEqualTo(HealthCheck.State.DOWN);

        // c2 is edited in Velaro: the version that failed no longer exists, the new one has its own count
        FEED.putConversation("c2", "2026-11-27T10:00:04Z");
        polls.run(1);

        assertThat(delivered(getMockEndpoint("mock:r"))).containsExactly("c1@" + T1, "c3@" + T3);
        HealthCheck.Result health = health();
        assertThat(health.getState()).isEqualTo(HealthCheck.State.UP);
        assertThat(health.getDetails()).containsEntry(VelaroPollHealthCheck.FAILING_ITEM_UPDATED_AT, "2026-11-27T10:00:04Z")
                .containsEntry(VelaroPollHealthCheck.FAILING_ITEM_FAILURES, 1);
    }

    @Test
    void withSkipFailingItemsTheItemIsSkippedWithAWarningAndCounted() throws Exception {
        try (LogCapture logs = LogCapture.all()) {
            pollWithFailingC2("maxItemFailures=2&skipFailingItems=true");

            polls.run(1);
            assertThat(delivered(getMockEndpoint("mock:r"))).containsExactly("c1@" + T1);
            polls.run(1);
            // the second failure gives c2 up, and the same poll goes on with c3
            assertThat(delivered(getMockEndpoint("mock:r"))).containsExactly("c1@" + T1, "c3@" + T3);
            polls.run(3);
            assertThat(getMockEndpoint("mock:r").getReceivedCounter()).as("c2 is not retried").isEqualTo(2);

            List<String> warnings = logs.lines().stream().filter(l -> l.contains("skips conversation")).toList();
            assertThat(warnings).hasSize(1);
            assertThat(warnings.get(0)).contains("c2").contains(T2).contains("the CRM rejects c2");
        }
        HealthCheck.Result health = health();
        assertThat(health.getState()).isEqualTo(HealthCheck.State.UP);
        assertThat(health.getDetails()).containsEntry(VelaroPollHealthCheck.SKIPPED_ITEMS, 1L)
                .containsEntry(VelaroPollHealthCheck.LAST_SKIPPED_ITEM, "c2@" + T2)
                .doesNotContainKey(VelaroPollHealthCheck.FAILING_ITEM_ID);
        assertThat(cursor().updatedSince()).hasToString(T3);
    }

    /** The way docs/polling.md recommends: the dead-letter channel completes the exchange, so the poller moves on. */
    @Test
    void aDeadLetterChannelTakesTheItemAndThePollerMovesOn() throws Exception {
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                errorHandler(deadLetterChannel("mock:dead").maximumRedeliveries(2).redeliveryDelay(0));
                from(velaro("conversations", "startFrom=beginning&scheduler=#polls&offsetRepository=#offsets"))
                        .routeId("r")
                        .process(e -> {
                            if ("c2".equals(e.getMessage().getHeader(VelaroConstants.CONVERSATION_ID))) {
                                throw new IllegalStateException("the CRM rejects c2");
                            }
                        })
                        .to("mock:r");
            }
        });

        polls.run(2);

        assertThat(delivered(getMockEndpoint("mock:r"))).containsExactly("c1@" + T1, "c3@" + T3);
        assertThat(delivered(getMockEndpoint("mock:dead"))).containsExactly("c2@" + T2);
        assertThat(health().getState()).isEqualTo(HealthCheck.State.UP);
        assertThat(cursor().updatedSince()).hasToString(T3);
    }
}
