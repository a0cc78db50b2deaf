package io.github.camelvelaro.velaro.consumer;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.github.camelvelaro.velaro.LogCapture;
import org.apache.camel.component.mock.MockEndpoint;
import org.apache.camel.health.HealthCheck;
import org.apache.camel.support.processor.state.MemoryStateRepository;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An item stamped beyond Velaro's present (its Date header plus futureTolerance) is delivered once, with a WARN, but
 * never carries the cursor into the future, where every later change would be skipped until that date.
 */
class PollingFutureItemsTest extends PollingTestSupport {

    private static final String T1 = "2026-11-27T10:00:01Z";
    private static final String T2 = "2026-11-27T10:00:02Z";
    private static final String T3 = "2026-11-27T10:00:03Z";
    private static final String FUTURE = "2100-01-01T00:00:00Z";

    private final ManualScheduler polls = new ManualScheduler();
    private final MemoryStateRepository offsets = new MemoryStateRepository();

    @BeforeEach
    void bind() {
        context.getRegistry().bind("polls", polls);
        context.getRegistry().bind("offsets", offsets);
    }

    private MockEndpoint pollFromBeginning(String options) throws Exception {
        pollInto("r", velaro("conversations", "startFrom=beginning&scheduler=#polls&offsetRepository=#offsets"
                                              + (options.isEmpty() ? "" : "&" + options)));
        return getMockEndpoint("mock:r");
    }

    private PollCursor cursor() {
        return cursorIn(offsets.getState(CONVERSATIONS_OFFSET));
    }

    private static List<String> linesContaining(LogCapture logs, String text) {
        return logs.lines().stream().filter(l -> l.contains(text)).toList();
    }

    @Test
    void anItemStampedInTheFutureIsDeliveredOnceWithAWarningAndLaterChangesStillArrive() throws Exception {
        FEED.putConversation("c1", T1);
        FEED.putConversation("bug", FUTURE);
        FEED.putConversationInEpochMillis("millis", T2);
        FEED.putConversation("c2", T3);
        try (LogCapture logs = LogCapture.all()) {
            MockEndpoint mock = pollFromBeginning("");

            polls.run(1);
            assertThat(delivered(mock)).containsExactly("c1@" + T1, "millis@" + T2, "c2@" + T3, "bug@" + FUTURE);
            assertThat(cursor().updatedSince()).as("the offset stays in Velaro's present").hasToString(T3);

            // changes made after the mis-stamped item was read still arrive, and it is not delivered again
            FEED.putConversation("c3", "2026-11-27T11:00:00Z");
            FEED.setServerTime(Instant.parse("2026-11-27T12:05:00Z"));
            polls.run(3);
            assertThat(delivered(mock)).containsExactly("c1@" + T1, "millis@" + T2, "c2@" + T3, "bug@" + FUTURE,
                    "c3@2026-11-27T11:00:00Z");
            assertThat(cursor()).isEqualTo(new PollCursor(Instant.parse("2026-11-27T11:00:00Z"), java.util.Set.of("c3"),
                    Map.of("bug", Instant.parse(FUTURE))));
            assertThat(consumer("r").getHealthCheck().call(Map.of()).getDetails())
                    .containsEntry(VelaroPollHealthCheck.CURSOR_DELIVERED_AHEAD, 1);

            List<String> warnings = linesContaining(logs, "beyond Velaro's present");
            assertThat(warnings).hasSize(1);
            assertThat(warnings.get(0)).contains("Conversation bug").contains(FUTURE)
                    .contains("2026-11-27T12:00:00Z (Velaro's Date header) + futureTolerance PT1M");
        }

        // once Velaro's clock reaches it, the offset moves there without delivering it again
        FEED.setServerTime(Instant.parse("2100-01-01T00:00:05Z"));
        polls.run(1);
        assertThat(getMockEndpoint("mock:r").getReceivedCounter()).isEqualTo(5);
        assertThat(cursor()).isEqualTo(new PollCursor(Instant.parse(FUTURE), java.util.Set.of("bug")));
    }

    @Test
    void moreItemsInTheFutureThanAPageArePagedThroughWithoutLooping() throws Exception {
        FEED.putConversation("c1", T1);
        for (int i = 1; i <= 5; i++) {
            FEED.putConversation("f" + i, "2100-01-01T00:00:0" + i + "Z");
        }
        MockEndpoint mock = pollFromBeginning("pageSize=2");

        polls.run(1);
        FEED.putConversation("c2", T2);
        polls.run(1);
        int before = FEED.requests().size();
        polls.run(1);
        int oneQuietPoll = FEED.requests().size() - before;
        polls.run(2);

        assertThat(delivered(mock)).containsExactly("c1@" + T1, "f1@2100-01-01T00:00:01Z", "f2@2100-01-01T00:00:02Z",
                "f3@2100-01-01T00:00:03Z", "f4@2100-01-01T00:00:04Z", "f5@2100-01-01T00:00:05Z", "c2@" + T2);
        // a quiet poll: the page from the offset ([c2, f1]), then on by key from f1 through the items ahead
        assertThat(oneQuietPoll).isEqualTo(5);
        assertThat(cursor().updatedSince()).hasToString(T2);
        assertThat(cursor().deliveredAhead()).hasSize(5);
    }

    @Test
    void moreItemsInTheFutureThanACursorRemembersFailThePollLoudlyWithoutRepeatingAny() throws Exception {
        FEED.putConversation("c1", T1);
        List<String> expected = new ArrayList<>(List.of("c1@" + T1));
        for (int i = 0; i <= PollCursor.MAX_AHEAD; i++) {
            String at = Instant.parse(FUTURE).plusSeconds(i).toString();
            FEED.putConversation(String.format("f%03d", i), at);
            if (i < PollCursor.MAX_AHEAD) {
                expected.add(String.format("f%03d", i) + "@" + at);
            }
        }
        MockEndpoint mock = pollFromBeginning("");

        polls.run(1);
        FEED.putConversation("c2", T2);
        polls.run(1);

        expected.add("c2@" + T2);
        assertThat(delivered(mock)).containsExactlyElementsOf(expected);
        HealthCheck.Result health = consumer("r").getHealthCheck().call(Map.of());
        assertThat(health.getState()).isEqualTo(HealthCheck.State.DOWN);
        assertThat(health.getError()).get().extracting(Throwable::getMessage).asString()
                .contains("more than " + PollCursor.MAX_AHEAD + " conversations stamped beyond its present")
                .contains("f100").contains("futureTolerance");
        assertThat(cursor().updatedSince()).hasToString(T2);
    }

    @Test
    void theToleranceDecidesWhatCountsAsPresent() throws Exception {
        FEED.putConversation("c1", T1);
        FEED.putConversation("soon", "2026-11-27T12:04:00Z");
        MockEndpoint mock = pollFromBeginning("futureTolerance=5m");

        polls.run(1);

        assertThat(delivered(mock)).containsExactly("c1@" + T1, "soon@2026-11-27T12:04:00Z");
        assertThat(cursor()).as("within 5 minutes of Velaro's Date: present")
                .isEqualTo(new PollCursor(Instant.parse("2026-11-27T12:04:00Z"), java.util.Set.of("soon")));
    }
}
