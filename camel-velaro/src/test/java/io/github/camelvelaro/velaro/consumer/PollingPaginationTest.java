package io.github.camelvelaro.velaro.consumer;

import java.time.Instant;
import java.util.List;

import io.github.camelvelaro.velaro.VelaroConstants;
import io.github.camelvelaro.velaro.consumer.VelaroFeed.ListRequest;
import io.github.camelvelaro.velaro.model.Conversation;
import org.apache.camel.component.mock.MockEndpoint;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Paging through a backlog by key, and what each poll costs in requests. */
class PollingPaginationTest extends PollingTestSupport {

    private static final Instant EPOCH = Instant.EPOCH;

    @Test
    void aBacklogDrainsAcrossPagesInOrderWithinOnePoll() throws Exception {
        for (int i = 7; i >= 1; i--) {
            FEED.putConversation("c" + i, t(i));
        }
        // one poll only: everything must come from paging inside it
        pollInto("r", velaro("conversations", "startFrom=beginning&pageSize=3&repeatCount=1"));

        MockEndpoint mock = getMockEndpoint("mock:r");
        await().until(() -> mock.getReceivedCounter() >= 7 && consumer("r").getCounter() >= 1);

        assertThat(delivered(mock)).containsExactly("c1@" + t(1), "c2@" + t(2), "c3@" + t(3), "c4@" + t(4),
                "c5@" + t(5), "c6@" + t(6), "c7@" + t(7));
        assertThat(mock.getExchanges()).allSatisfy(e -> {
            assertThat(e.getMessage().getBody()).isInstanceOf(Conversation.class);
            assertThat(e.getMessage().getHeader(VelaroConstants.CONVERSATION_ID))
                    .isEqualTo(e.getMessage().getBody(Conversation.class).getId());
        });
        // keyset: each request starts at the last delivered updatedAt, always page 1
        assertThat(requests("conversations")).containsExactly(
                new ListRequest("conversations", EPOCH, 1, 3, null),
                new ListRequest("conversations", Instant.parse(t(3)), 1, 3, null),
                new ListRequest("conversations", Instant.parse(t(5)), 1, 3, null));
    }

    @Test
    void aRunOfItemsAtOneInstantIsWalkedWithOverlappingPages() throws Exception {
        for (String id : List.of("a", "b", "c", "d", "e")) {
            FEED.putConversation(id, t(1));
        }
        FEED.putConversation("f", t(2));
        pollInto("r", velaro("conversations", "startFrom=beginning&pageSize=2&repeatCount=1"));

        MockEndpoint mock = getMockEndpoint("mock:r");
        await().until(() -> mock.getReceivedCounter() >= 6);

        assertThat(delivered(mock)).containsExactly("a@" + t(1), "b@" + t(1), "c@" + t(1), "d@" + t(1), "e@" + t(1),
                "f@" + t(2));
        Instant at = Instant.parse(t(1));
        // asking from t1 again would return [a, b] forever: page numbers walk the run, each page starting at or
        // before the last item read (pages of 3 where pages of 2 would read nothing new)
        assertThat(requests("conversations")).containsExactly(
                new ListRequest("conversations", EPOCH, 1, 2, null),
                new ListRequest("conversations", at, 1, 3, null),
                new ListRequest("conversations", at, 2, 2, null),
                new ListRequest("conversations", at, 2, 3, null));
    }

    @Test
    void aRunThatChangesWhileItIsWalkedIsReadAgainAndNothingIsLost() throws Exception {
        for (String id : List.of("a", "b", "c", "d", "e", "f")) {
            FEED.putConversation(id, t(1));
        }
        FEED.putConversation("g", t(2));
        // while the run at t1 is being read, a is updated and leaves it: every later position moves up by one, so
        // page 2 of pages of 3 would now start at e, and d would never be read
        FEED.onRequest(n -> {
            if (n == 2) {
                FEED.putConversation("a", t(3));
            }
        });
        pollInto("r", velaro("conversations", "startFrom=beginning&pageSize=3&repeatCount=1"));

        MockEndpoint mock = getMockEndpoint("mock:r");
        await().until(() -> mock.getReceivedCounter() >= 8);

        assertThat(delivered(mock)).containsExactly("a@" + t(1), "b@" + t(1), "c@" + t(1), "d@" + t(1), "e@" + t(1),
                "f@" + t(1), "g@" + t(2), "a@" + t(3));
        Instant at = Instant.parse(t(1));
        assertThat(requests("conversations")).containsExactly(
                new ListRequest("conversations", EPOCH, 1, 3, null),
                // expected c first (the last item read), found d: the run changed, read it again
                new ListRequest("conversations", at, 2, 2, null),
                new ListRequest("conversations", at, 1, 3, null),
                new ListRequest("conversations", at, 2, 2, null),
                new ListRequest("conversations", at, 2, 3, null),
                new ListRequest("conversations", Instant.parse(t(2)), 1, 3, null));
    }

    @Test
    void aQuietPollCostsExactlyOneRequest() throws Exception {
        for (int i = 1; i <= 5; i++) {
            FEED.putConversation("c" + i, t(i));
        }
        // 4 polls: the first drains the backlog (2 requests at pageSize 3), the other three find nothing new
        pollInto("r", velaro("conversations", "startFrom=beginning&pageSize=3&delay=10&repeatCount=4"));

        // the 5th run only cancels the schedule, so when it is counted the 4 polls are done
        await().until(() -> consumer("r").getCounter() >= 5);

        assertThat(getMockEndpoint("mock:r").getReceivedCounter()).isEqualTo(5);
        List<ListRequest> requests = requests("conversations");
        assertThat(requests).hasSize(2 + 3);
        assertThat(requests.subList(2, 5)).allSatisfy(
                r -> assertThat(r).isEqualTo(new ListRequest("conversations", Instant.parse(t(5)), 1, 3, null)));
    }
}
