package io.github.camelvelaro.velaro.consumer;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import com.github.tomakehurst.wiremock.stubbing.StubMapping;
import io.github.camelvelaro.velaro.LogCapture;
import io.github.camelvelaro.velaro.VelaroTestSupport;
import io.github.camelvelaro.velaro.exception.VelaroAuthenticationException;
import io.github.camelvelaro.velaro.exception.VelaroMalformedResponseException;
import org.apache.camel.health.HealthCheck;
import org.apache.camel.support.processor.state.MemoryStateRepository;
import org.junit.jupiter.api.Test;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Refused keys, broken pages, a spent budget, and where the key may appear. */
class PollingErrorsTest extends PollingTestSupport {

    private static final String T1 = "2026-11-27T10:00:01Z";
    private static final String MASKED_KEY = VelaroTestSupport.MASKED_KEY;

    private HealthCheck.Result health(String routeId) {
        return consumer(routeId).getHealthCheck().call(Map.of());
    }

    private static long answered(int status) {
        return wireMock.getAllServeEvents().stream().filter(e -> e.getResponse().getStatus() == status).count();
    }

    private static List<String> linesContaining(LogCapture logs, String text) {
        return logs.lines().stream().filter(l -> l.contains(text)).toList();
    }

    private static StubMapping answerListsWith(int status, String body) {
        return wireMock.stubFor(get(urlPathEqualTo("/v1/conversations")).atPriority(1)
                .willReturn(aResponse().withStatus(status).withHeader("Content-Type", "application/json")
                        .withBody(body)));
    }

    @Test
    void aRefusedKeyBacksOffIsLoggedOncePerChangeAndMakesTheHealthCheckDown() throws Exception {
        FEED.putConversation("c1", T1);
        ManualScheduler polls = new ManualScheduler();
        context.getRegistry().bind("polls", polls);
        pollInto("r", velaro("conversations", "startFrom=beginning&scheduler=#polls"));
        polls.run(1);
        assertThat(getMockEndpoint("mock:r").getReceivedCounter()).isEqualTo(1);
        assertThat(health("r").getState()).isEqualTo(HealthCheck.State.UP);
        VelaroPollingConsumer consumer = consumer("r");
        // no backoff option in the URI: the poller's defaults apply
        assertThat(consumer.getBackoffErrorThreshold()).isEqualTo(PollSchedule.DEFAULT_BACKOFF_ERROR_THRESHOLD);
        assertThat(consumer.getBackoffMultiplier()).isEqualTo(PollSchedule.DEFAULT_BACKOFF_MULTIPLIER);

        try (LogCapture logs = LogCapture.all()) {
            StubMapping revoked = answerListsWith(401, "{\"error\":{\"code\":\"invalid_key\",\"message\":\"revoked\"}}");
            polls.run(40);

            // 3 failed polls in a row, then 9 runs skipped before each next attempt: runs 1-3, 13-15, 25-27, 37-39
            assertThat(answered(401)).isEqualTo(12);

            HealthCheck.Result down = health("r");
            assertThat(down.getState()).isEqualTo(HealthCheck.State.DOWN);
            assertThat(down.getMessage()).get().asString().contains(MASKED_KEY).contains("401");
            assertThat(down.getError()).get().isInstanceOf(VelaroAuthenticationException.class);
            assertThat(down.getDetails()).containsKey(VelaroPollHealthCheck.LAST_SUCCESSFUL_POLL)
                    .containsEntry(VelaroPollHealthCheck.CURSOR_UPDATED_SINCE, T1)
                    .containsEntry(VelaroPollHealthCheck.CURSOR_IDS_AT_BOUNDARY, 1)
                    .containsEntry(VelaroPollHealthCheck.QUOTA_KEY, MASKED_KEY)
                    .containsEntry(VelaroPollHealthCheck.QUOTA_DAILY_LIMIT, 1000)
                    .containsEntry(VelaroPollHealthCheck.QUOTA_DAILY_USED, 13L)
                    .containsEntry(HealthCheck.HTTP_RESPONSE_CODE, 401);
            // reading the health sends nothing
            int requests = wireMock.getAllServeEvents().size();
            health("r");
            assertThat(wireMock.getAllServeEvents()).hasSize(requests);

            // a different refusal is a new state, logged again
            wireMock.removeStub(revoked);
            StubMapping forbidden = answerListsWith(403, "{\"error\":{\"code\":\"missing_scope\",\"requiredScope\":"
                                                         + "\"read:conversations\"}}");
            polls.run(12);
            assertThat(answered(403)).isPositive();
            wireMock.removeStub(forbidden);
            polls.run(12);
            assertThat(health("r").getState()).isEqualTo(HealthCheck.State.UP);

            List<String> warnings = linesContaining(logs, "cannot poll: Velaro refused the API key");
            assertThat(warnings).hasSize(2);
            assertThat(warnings.get(0)).contains(MASKED_KEY).contains("401");
            assertThat(warnings.get(1)).contains(MASKED_KEY).contains("403");
            assertThat(linesContaining(logs, "polls again: Velaro accepts the API key " + MASKED_KEY)).hasSize(1);
            assertThat(linesContaining(logs, "Failed polling endpoint")).isEmpty();
            assertThat(logs.text()).doesNotContain(KEY);
        }
    }

    @Test
    void aMalformedPageIsAClearErrorAndMovesNothing() throws Exception {
        MemoryStateRepository offsets = new MemoryStateRepository();
        context.getRegistry().bind("offsets", offsets);
        answerListsWith(200, "{\"data\":[{\"id\":\"c1\",\"updatedAt\":");
        pollInto("r", velaro("conversations", "startFrom=beginning&delay=10&offsetRepository=#offsets"));

        await().until(() -> consumer("r").getErrorCounter() > 0);
        HealthCheck.Result down = health("r");
        assertThat(down.getState()).isEqualTo(HealthCheck.State.DOWN);
        assertThat(down.getError()).get().isInstanceOf(VelaroMalformedResponseException.class);
        assertThat(down.getError().get().getMessage()).contains("not a page of Conversations");
        assertThat(down.getDetails()).containsEntry(HealthCheck.HTTP_RESPONSE_CODE, 200);
        assertThat(getMockEndpoint("mock:r").getReceivedCounter()).isZero();
        assertThat(cursorIn(offsets.getState(CONVERSATIONS_OFFSET))).isEqualTo(PollCursor.at(Instant.EPOCH));
    }

    @Test
    void anItemWithoutUpdatedAtCannotBeTrackedAndStopsThePageBeforeAnyDelivery() throws Exception {
        answerListsWith(200, "{\"data\":[{\"id\":\"c1\",\"status\":\"open\",\"updatedAt\":\"" + T1 + "\"},"
                             + "{\"id\":\"c2\",\"status\":\"open\"}],\"page\":1,\"pageSize\":100,\"hasMore\":false}");
        pollInto("r", velaro("conversations", "startFrom=beginning&delay=10"));

        await().until(() -> consumer("r").getErrorCounter() > 0);
        assertThat(health("r").getState()).isEqualTo(HealthCheck.State.DOWN);
        assertThat(health("r").getError()).get().isInstanceOf(VelaroMalformedResponseException.class)
                .extracting(Throwable::getMessage).asString()
                .contains("conversation c2 without updatedAt at position 2 of page 1");
        assertThat(getMockEndpoint("mock:r").getReceivedCounter()).isZero();
    }

    @Test
    void theKeyTravelsOnlyInTheAuthorizationHeader() throws Exception {
        FEED.putConversation("c1", T1);
        StringBuilder seen = new StringBuilder();
        try (LogCapture logs = LogCapture.all()) {
            pollInto("r", velaro("conversations", "delay=10"));
            FEED.putConversation("c2", "2026-11-27T12:00:01Z");
            await().until(() -> getMockEndpoint("mock:r").getReceivedCounter() >= 1 && FEED.requests().size() >= 3);
            seen.append(logs.text()).append(health("r")).append(consumer("r")).append(consumer("r").getEndpoint())
                    .append(consumer("r").pollStatus());
        }

        List<ServeEvent> events = wireMock.getAllServeEvents();
        assertThat(events).hasSizeGreaterThanOrEqualTo(3).allSatisfy(e -> {
            assertThat(e.getRequest().getHeader("Authorization")).isEqualTo("Bearer " + KEY);
            assertThat(e.getRequest().getUrl()).doesNotContain(KEY.substring(4, 20));
            e.getRequest().getHeaders().all().stream().filter(h -> !h.key().equalsIgnoreCase("Authorization"))
                    .forEach(h -> assertThat(h.values().toString()).doesNotContain(KEY.substring(4, 20)));
        });
        assertThat(seen.toString()).contains(MASKED_KEY).doesNotContain(KEY).doesNotContain(KEY.substring(4, 40));
    }

    @Test
    void aSpentDailyBudgetSkipsPollsQuietlyUntilTheReset() throws Exception {
        clock.set(Instant.parse("2026-11-27T23:59:00Z"));
        ManualScheduler polls = new ManualScheduler();
        context.getRegistry().bind("polls", polls);
        try (LogCapture logs = LogCapture.all()) {
            pollInto("r", velaro("conversations", "startFrom=beginning&scheduler=#polls&dailyRequestLimit=3"));
            VelaroPollingConsumer consumer = consumer("r");
            // three quiet polls spend the budget; the fourth is refused before sending, the rest are skipped
            polls.run(20);

            assertThat(FEED.requests()).hasSize(3);
            assertThat(consumer.getErrorCounter()).isZero();
            assertThat(consumer.getCounter()).isEqualTo(20);
            HealthCheck.Result paused = health("r");
            assertThat(paused.getState()).isEqualTo(HealthCheck.State.UP);
            assertThat(paused.getDetails()).containsEntry(VelaroPollHealthCheck.PAUSED_UNTIL, "2026-11-28T00:00:00Z")
                    .containsEntry(VelaroPollHealthCheck.QUOTA_DAILY_USED, 3L);
            assertThat(linesContaining(logs, "skips its polls until 2026-11-28T00:00:00Z")).hasSize(1);
            assertThat(linesContaining(logs, "daily request budget is spent")).hasSize(1);
            assertThat(linesContaining(logs, "Failed polling endpoint")).isEmpty();

            FEED.putConversation("c_new", "2026-11-27T23:59:30Z");
            clock.set(Instant.parse("2026-11-28T00:00:01Z"));
            polls.run(1);
            assertThat(delivered(getMockEndpoint("mock:r"))).containsExactly("c_new@2026-11-27T23:59:30Z");
            assertThat(FEED.requests()).hasSize(4);
            assertThat(linesContaining(logs, "resumes polling")).hasSize(1);
        }
    }
}
