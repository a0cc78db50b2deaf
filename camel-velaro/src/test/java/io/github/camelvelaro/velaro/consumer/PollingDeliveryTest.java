package io.github.camelvelaro.velaro.consumer;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import io.github.camelvelaro.velaro.VelaroConstants;
import io.github.camelvelaro.velaro.model.Contact;
import io.github.camelvelaro.velaro.model.Conversation;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.mock.MockEndpoint;
import org.apache.camel.support.processor.state.MemoryStateRepository;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** What is delivered, and how often: the guarantees under "Delivery guarantees of the consumers". */
class PollingDeliveryTest extends PollingTestSupport {

    private static final String T1 = "2026-11-27T10:00:01Z";
    private static final String T2 = "2026-11-27T10:00:02Z";
    private static final String T3 = "2026-11-27T10:00:03Z";

    @Test
    void itemsAtTheInclusiveBoundaryAreDeliveredOnceAndLateArrivalsThereAreNotMissed() throws Exception {
        FEED.putConversation("c1", T1);
        FEED.putConversation("c2", T1);
        pollInto("r", velaro("conversations", "startFrom=beginning&delay=20"));
        MockEndpoint mock = getMockEndpoint("mock:r");
        await().until(() -> mock.getReceivedCounter() >= 2);
        awaitMoreRequests(3);

        // another item lands at the very instant of the boundary: updatedSince=T1 returns it with the two seen ones
        FEED.putConversation("c0", T1);
        await().until(() -> mock.getReceivedCounter() >= 3);
        awaitMoreRequests(3);

        assertThat(delivered(mock)).containsExactly("c1@" + T1, "c2@" + T1, "c0@" + T1);
        assertThat(requests("conversations")).last().satisfies(
                r -> assertThat(r.updatedSince()).hasToString(T1));
    }

    @Test
    void anUpdateIsDeliveredAgainOnceWithItsNewUpdatedAt() throws Exception {
        FEED.putConversation("c1", T1);
        pollInto("r", velaro("conversations", "startFrom=beginning&delay=20"));
        MockEndpoint mock = getMockEndpoint("mock:r");
        await().until(() -> mock.getReceivedCounter() >= 1);

        FEED.putConversation("c1", T2, "resolved");
        await().until(() -> mock.getReceivedCounter() >= 2);
        awaitMoreRequests(3);

        assertThat(delivered(mock)).containsExactly("c1@" + T1, "c1@" + T2);
        assertThat(mock.getExchanges().get(1).getMessage().getBody(Conversation.class).getStatus()).isEqualTo("resolved");
    }

    @Test
    void anItemEditedWhilePagingIsNotLost() throws Exception {
        for (int i = 1; i <= 6; i++) {
            FEED.putConversation("c" + i, t(i));
        }
        // after page 1 ([c1, c2]) is served, c1 is edited and moves to the end: page numbers shift left by one, so
        // "page 2" would now be [c4, c5] and c3 would never be seen
        FEED.onRequest(n -> {
            if (n == 2) {
                FEED.putConversation("c1", t(7));
            }
        });
        pollInto("r", velaro("conversations", "startFrom=beginning&pageSize=2&repeatCount=1"));
        MockEndpoint mock = getMockEndpoint("mock:r");
        await().until(() -> mock.getReceivedCounter() >= 7);

        assertThat(delivered(mock)).containsExactly("c1@" + t(1), "c2@" + t(2), "c3@" + t(3), "c4@" + t(4),
                "c5@" + t(5), "c6@" + t(6), "c1@" + t(7));
    }

    @Test
    void aFailingExchangeStopsThePollAndIsRetriedBeforeAnythingAfterIt() throws Exception {
        FEED.putConversation("c1", T1);
        FEED.putConversation("c2", T2);
        FEED.putConversation("c3", T3);
        List<String> attempts = new CopyOnWriteArrayList<>();
        MemoryStateRepository offsets = new MemoryStateRepository();
        context.getRegistry().bind("offsets", offsets);
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                errorHandler(noErrorHandler());
                from(velaro("conversations", "startFrom=beginning&delay=200&offsetRepository=#offsets")).routeId("r")
                        .process(e -> {
                            String id = e.getMessage().getHeader(VelaroConstants.CONVERSATION_ID, String.class);
                            attempts.add(id);
                            if (id.equals("c2") && attempts.stream().filter("c2"::equals).count() == 1) {
                                throw new IllegalStateException("downstream unavailable");
                            }
                        });
            }
        });
        // first poll: c1 passes, c2 fails and the poll stops, so the offset is just after c1
        await().until(() -> attempts.size() >= 2);
        assertThat(cursorIn(offsets.getState(CONVERSATIONS_OFFSET)))
                .isEqualTo(new PollCursor(java.time.Instant.parse(T1), java.util.Set.of("c1")));

        await().until(() -> attempts.size() >= 4);
        awaitMoreRequests(2);
        assertThat(attempts).containsExactly("c1", "c2", "c2", "c3");
        assertThat(cursorIn(offsets.getState(CONVERSATIONS_OFFSET)))
                .isEqualTo(new PollCursor(java.time.Instant.parse(T3), java.util.Set.of("c3")));
    }

    @Test
    void statusFiltersTheRequestsAndKeysTheOffsetSoPollersShareARepository() throws Exception {
        FEED.putConversation("o1", T1, "open");
        FEED.putConversation("r1", T2, "resolved");
        FEED.putConversation("o2", T3, "open");
        MemoryStateRepository offsets = new MemoryStateRepository();
        context.getRegistry().bind("offsets", offsets);
        pollInto("open", velaro("conversations", "status=open&startFrom=beginning&delay=20&offsetRepository=#offsets"));
        pollInto("resolved",
                velaro("conversations", "status=RESOLVED&startFrom=beginning&delay=20&offsetRepository=#offsets"));

        await().until(() -> getMockEndpoint("mock:open").getReceivedCounter() >= 2
                            && getMockEndpoint("mock:resolved").getReceivedCounter() >= 1);
        awaitMoreRequests(4);

        assertThat(delivered(getMockEndpoint("mock:open"))).containsExactly("o1@" + T1, "o2@" + T3);
        assertThat(delivered(getMockEndpoint("mock:resolved"))).containsExactly("r1@" + T2);
        assertThat(requests("conversations")).allSatisfy(r -> assertThat(r.status()).isIn("open", "resolved"));
        assertThat(cursorIn(offsets.getState("velaro:default:conversations:status:open")).updatedSince())
                .hasToString(T3);
        assertThat(cursorIn(offsets.getState("velaro:default:conversations:status:resolved")).updatedSince())
                .hasToString(T2);
    }

    @Test
    void contactsArePolledWithTheContactHeader() throws Exception {
        FEED.putContact("k2", T2);
        FEED.putContact("k1", T1);
        pollInto("r", velaro("contacts", "startFrom=beginning&repeatCount=1"));
        MockEndpoint mock = getMockEndpoint("mock:r");
        await().until(() -> mock.getReceivedCounter() >= 2);

        assertThat(delivered(mock)).containsExactly("k1@" + T1, "k2@" + T2);
        assertThat(mock.getExchanges()).allSatisfy(e -> {
            assertThat(e.getMessage().getBody()).isInstanceOf(Contact.class);
            assertThat(e.getMessage().getHeader(VelaroConstants.CONTACT_ID))
                    .isEqualTo(e.getMessage().getBody(Contact.class).getId());
            assertThat(e.getMessage().getHeader(VelaroConstants.CONVERSATION_ID)).isNull();
        });
        assertThat(requests("contacts")).first().satisfies(r -> assertThat(r.status()).isNull());
    }
}
