package io.github.camelvelaro.velaro.consumer;

import java.time.Instant;

import io.github.camelvelaro.velaro.consumer.VelaroFeed.ListRequest;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.mock.MockEndpoint;
import org.apache.camel.support.processor.state.MemoryStateRepository;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.awaitility.Awaitility.await;

/** Where a poller without a stored offset starts, and that a stored offset wins. */
class StartFromTest extends PollingTestSupport {

    private static final Instant SERVER_NOW = Instant.parse("2026-11-27T12:00:00Z");

    @Test
    void nowStartsAtTheServersDateNotTheLocalClock() throws Exception {
        // the local clock is an hour behind Velaro: starting from it would deliver c_old
        clock.set(SERVER_NOW.minusSeconds(3600));
        FEED.setServerTime(SERVER_NOW);
        FEED.putConversation("c_old", "2026-11-27T11:59:59Z");
        FEED.putConversation("c_at", "2026-11-27T12:00:00Z");
        pollInto("r", velaro("conversations", "delay=20"));
        MockEndpoint mock = getMockEndpoint("mock:r");
        await().until(() -> mock.getReceivedCounter() >= 1);

        FEED.putConversation("c_new", "2026-11-27T12:00:05Z");
        await().until(() -> mock.getReceivedCounter() >= 2);
        awaitMoreRequests(2);

        // inclusive: an item at the very start instant belongs to "now"
        assertThat(delivered(mock)).containsExactly("c_at@2026-11-27T12:00:00Z", "c_new@2026-11-27T12:00:05Z");
        // the first poll only reads Velaro's clock: one item, no updatedSince; the second starts there
        assertThat(requests("conversations").subList(0, 2)).containsExactly(
                new ListRequest("conversations", null, 1, 1, null),
                new ListRequest("conversations", SERVER_NOW, 1, 100, null));
    }

    @Test
    void nowFallsBackToTheComponentClockWithoutADateHeader() throws Exception {
        Instant local = Instant.parse("2026-11-27T12:30:00Z");
        clock.set(local);
        FEED.setServerTime(null);
        MemoryStateRepository offsets = new MemoryStateRepository();
        context.getRegistry().bind("offsets", offsets);
        pollInto("r", velaro("conversations", "repeatCount=1&offsetRepository=#offsets"));
        await().until(() -> offsets.getState(CONVERSATIONS_OFFSET) != null);

        Instant start = cursorIn(offsets.getState(CONVERSATIONS_OFFSET)).updatedSince();
        assertThat(start).isBetween(local, local.plusSeconds(60));
        assertThat(wireMock.getAllServeEvents()).allSatisfy(
                e -> assertThat(e.getResponse().getHeaders().getHeader("Date").isPresent()).isFalse());
    }

    @Test
    void beginningDeliversTheWholeHistory() throws Exception {
        FEED.putConversation("c1", "2019-01-01T00:00:00Z");
        FEED.putConversation("c2", "2026-11-27T10:00:00Z");
        pollInto("r", velaro("conversations", "startFrom=beginning&repeatCount=1"));
        await().until(() -> getMockEndpoint("mock:r").getReceivedCounter() >= 2);

        assertThat(delivered(getMockEndpoint("mock:r")))
                .containsExactly("c1@2019-01-01T00:00:00Z", "c2@2026-11-27T10:00:00Z");
        assertThat(requests("conversations").get(0).updatedSince()).isEqualTo(Instant.EPOCH);
    }

    @Test
    void anInstantStartsThereInclusivelyWhateverItsOffset() throws Exception {
        FEED.putConversation("before", "2026-11-27T09:59:59.999Z");
        FEED.putConversation("at", "2026-11-27T10:00:00Z");
        FEED.putConversation("after", "2026-11-27T10:00:01Z");
        pollInto("r", velaro("conversations", "startFrom=2026-11-27T11:00:00+01:00&repeatCount=1"));
        await().until(() -> getMockEndpoint("mock:r").getReceivedCounter() >= 2);

        assertThat(delivered(getMockEndpoint("mock:r")))
                .containsExactly("at@2026-11-27T10:00:00Z", "after@2026-11-27T10:00:01Z");
        assertThat(requests("conversations").get(0).updatedSince()).hasToString("2026-11-27T10:00:00Z");
    }

    @Test
    void aStoredOffsetWinsOverStartFrom() throws Exception {
        FEED.putConversation("c1", "2026-11-27T10:00:01Z");
        FEED.putConversation("c2", "2026-11-27T10:00:02Z");
        MemoryStateRepository offsets = new MemoryStateRepository();
        offsets.setState(CONVERSATIONS_OFFSET, stored(PollCursor.at(Instant.parse("2026-11-27T10:00:01Z"))
                .after("c1", Instant.parse("2026-11-27T10:00:01Z"))));
        context.getRegistry().bind("offsets", offsets);
        pollInto("r", velaro("conversations", "startFrom=beginning&repeatCount=1&offsetRepository=#offsets"));
        await().until(() -> getMockEndpoint("mock:r").getReceivedCounter() >= 1);

        assertThat(delivered(getMockEndpoint("mock:r"))).containsExactly("c2@2026-11-27T10:00:02Z");
    }

    @Test
    void anInvalidStartFromFailsTheStartNamingTheOption() {
        Throwable failure = catchThrowable(() -> context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from(velaro("conversations", "startFrom=yesterday")).to("mock:r");
            }
        }));

        assertThat(failure).isNotNull();
        assertThat(messages(failure)).contains("Option startFrom must be now, beginning or an ISO-8601 instant")
                .contains("'yesterday'").doesNotContain(KEY);
        assertThat(wireMock.getAllServeEvents()).isEmpty();
    }
}
