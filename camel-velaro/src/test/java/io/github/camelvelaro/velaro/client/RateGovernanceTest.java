package io.github.camelvelaro.velaro.client;

import io.github.camelvelaro.velaro.exception.VelaroException;
import io.github.camelvelaro.velaro.exception.VelaroConnectionException;
import io.github.camelvelaro.velaro.exception.VelaroRateLimitException;
import io.github.camelvelaro.velaro.exception.VelaroServerException;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;

import com.github.tomakehurst.wiremock.http.Fault;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import io.github.camelvelaro.velaro.Fixtures;
import io.github.camelvelaro.velaro.MutableClock;
import io.github.camelvelaro.velaro.VelaroComponent;
import io.github.camelvelaro.velaro.VelaroConstants;
import io.github.camelvelaro.velaro.VelaroEndpoint;
import io.github.camelvelaro.velaro.VelaroTestSupport;
import org.apache.camel.AsyncProcessor;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.Producer;
import org.apache.camel.support.DefaultExchange;
import org.junit.jupiter.api.Test;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.patch;
import static com.github.tomakehurst.wiremock.client.WireMock.patchRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.awaitility.Awaitility.await;

/** The governor and the retry rules, against WireMock, with a clock the tests move forward. */
class RateGovernanceTest extends VelaroTestSupport {

    static final String OTHER_KEY = "vlk_" + "Q".repeat(48);

    private final MutableClock clock = new MutableClock();

    @Override
    protected CamelContext createCamelContext() throws Exception {
        CamelContext ctx = super.createCamelContext();
        VelaroComponent velaro = ctx.getComponent("velaro", VelaroComponent.class);
        velaro.setClock(clock);
        velaro.setTicker(clock.ticker());
        return ctx;
    }

    private static String list(String options) {
        return velaro("conversations", "operation=list" + (options == null ? "" : "&" + options));
    }

    private void stubList(String remaining, String reset) {
        wireMock.stubFor(get(urlPathEqualTo("/v1/conversations")).willReturn(aResponse().withStatus(200)
                .withHeader("X-RateLimit-Remaining", remaining).withHeader("X-RateLimit-Reset", reset)
                .withBody(Fixtures.page(1, 100, false))));
    }

    private static int sent() {
        return wireMock.findAll(anyRequestedFor(anyUrl())).size();
    }

    /** Keeps checking for a while that the count does not grow past {@code n}. */
    private static void assertStaysAt(int n) throws InterruptedException {
        for (int i = 0; i < 12; i++) {
            Thread.sleep(100);
            assertThat(sent()).isEqualTo(n);
        }
    }

    @Test
    void resetIsReadInEpochAndDeltaForms() {
        stubList("41", "30");
        Exchange delta = template.send(list(null), e -> { });
        stubList("40", "1900000000");
        Exchange epoch = template.send(list(null), e -> { });

        Instant deltaReset = delta.getMessage().getHeader(VelaroConstants.RATE_LIMIT_RESET, Instant.class);
        assertThat(Duration.between(clock.instant(), deltaReset).toSeconds()).isBetween(27L, 30L);
        assertThat(delta.getMessage().getHeader(VelaroConstants.RATE_LIMIT_REMAINING)).isEqualTo(41);
        assertThat(epoch.getMessage().getHeader(VelaroConstants.RATE_LIMIT_RESET))
                .isEqualTo(Instant.ofEpochSecond(1_900_000_000L));
    }

    @Test
    void remainingZeroPausesTheNextRequestUntilTheReset() throws Exception {
        stubList("0", "20");
        template.send(list(null), e -> { });

        CompletableFuture<Exchange> second = template.asyncSend(list(null), e -> { });
        assertStaysAt(1);
        assertThat(second).isNotDone();
        clock.advance(Duration.ofSeconds(21));

        await().atMost(Duration.ofSeconds(5)).until(second::isDone);
        assertThat(second.get().getException()).isNull();
        assertThat(sent()).isEqualTo(2);
    }

    @Test
    void tooManyRequestsIsRetriedAfterRetryAfterForAnyMethod() {
        wireMock.stubFor(post("/v1/conversations").inScenario("429").whenScenarioStateIs(Scenario.STARTED)
                .willReturn(aResponse().withStatus(429).withHeader("Retry-After", "1")
                        .withBody(Fixtures.error("rate_limited", "slow down")))
                .willSetStateTo("ok"));
        wireMock.stubFor(post("/v1/conversations").inScenario("429").whenScenarioStateIs("ok")
                .willReturn(aResponse().withStatus(201).withBody(Fixtures.conversationJson("c_1", "2026-11-27T10:15:30Z"))));

        Exchange out = template.send(velaro("conversations", null), e -> e.getMessage().setBody("{\"message\":\"hi\"}"));

        assertThat(out.getException()).isNull();
        assertThat(out.getMessage().getHeader(VelaroConstants.CONVERSATION_ID)).isEqualTo("c_1");
        List<LoggedRequest> requests = wireMock.findAll(postRequestedFor(urlEqualTo("/v1/conversations")));
        assertThat(requests).hasSize(2);
        long gap = requests.get(1).getLoggedDate().getTime() - requests.get(0).getLoggedDate().getTime();
        assertThat(gap).as("gap between the 429 and the retry, ms").isGreaterThanOrEqualTo(950);
    }

    @Test
    void tooManyRequestsGivesUpAfterMaxRetries() {
        wireMock.stubFor(post("/v1/contacts").willReturn(aResponse().withStatus(429).withHeader("Retry-After", "0")));

        Exchange out = template.send(velaro("contacts", "maxRetries=2"), e -> e.getMessage().setBody("{\"email\":\"a@b.co\"}"));

        assertThat(out.getException()).isInstanceOf(VelaroRateLimitException.class);
        assertThat(((VelaroRateLimitException) out.getException()).getStatusCode()).isEqualTo(429);
        wireMock.verify(3, postRequestedFor(urlEqualTo("/v1/contacts")));
    }

    @Test
    void postAndPatchAnswered5xxAreSentOnce() {
        wireMock.stubFor(post("/v1/conversations").willReturn(aResponse().withStatus(500)));
        wireMock.stubFor(patch(urlEqualTo("/v1/contacts/k_1")).willReturn(aResponse().withStatus(503)));

        Exchange created = template.send(velaro("conversations", null), e -> e.getMessage().setBody("{\"message\":\"hi\"}"));
        Exchange updated = template.send(velaro("contacts", "operation=update"), e -> {
            e.getMessage().setHeader(VelaroConstants.CONTACT_ID, "k_1");
            e.getMessage().setBody("{\"name\":\"x\"}");
        });

        assertThat(created.getException()).isInstanceOf(VelaroServerException.class);
        assertThat(updated.getException()).isInstanceOf(VelaroServerException.class);
        wireMock.verify(1, postRequestedFor(urlEqualTo("/v1/conversations")));
        wireMock.verify(1, patchRequestedFor(urlEqualTo("/v1/contacts/k_1")));
    }

    @Test
    void getAnswered503ThenSucceeds() {
        wireMock.stubFor(get("/v1/conversations/c_1").inScenario("503").whenScenarioStateIs(Scenario.STARTED)
                .willReturn(aResponse().withStatus(503)).willSetStateTo("up"));
        wireMock.stubFor(get("/v1/conversations/c_1").inScenario("503").whenScenarioStateIs("up")
                .willReturn(aResponse().withStatus(200).withBody(Fixtures.conversationJson("c_1", "2026-11-27T10:15:30Z"))));

        Exchange out = template.send(velaro("conversations", "operation=get"),
                e -> e.getMessage().setHeader(VelaroConstants.CONVERSATION_ID, "c_1"));

        assertThat(out.getException()).isNull();
        wireMock.verify(2, getRequestedFor(urlEqualTo("/v1/conversations/c_1")));
    }

    @Test
    void aLostResponseIsRetriedForGetButNotForPost() {
        wireMock.stubFor(get("/v1/conversations/c_1").inScenario("reset").whenScenarioStateIs(Scenario.STARTED)
                .willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)).willSetStateTo("fine"));
        wireMock.stubFor(get("/v1/conversations/c_1").inScenario("reset").whenScenarioStateIs("fine")
                .willReturn(aResponse().withStatus(200).withBody(Fixtures.conversationJson("c_1", "2026-11-27T10:15:30Z"))));
        wireMock.stubFor(post("/v1/conversations").willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)));

        Exchange got = template.send(velaro("conversations", "operation=get"),
                e -> e.getMessage().setHeader(VelaroConstants.CONVERSATION_ID, "c_1"));
        Exchange created = template.send(velaro("conversations", null), e -> e.getMessage().setBody("{\"message\":\"hi\"}"));

        assertThat(got.getException()).isNull();
        assertThat(created.getException()).isInstanceOf(VelaroConnectionException.class);
        assertThat(((VelaroConnectionException) created.getException()).mayHaveReachedVelaro()).isTrue();
        wireMock.verify(1, postRequestedFor(urlEqualTo("/v1/conversations")));
    }

    @Test
    void twoEndpointsWithOneKeyShareThePerMinuteWindow() throws Exception {
        stubList("59", "60");
        List<CompletableFuture<Exchange>> sends = new ArrayList<>();
        for (int i = 0; i < 7; i++) {
            String uri = list("rateLimitPerMinute=5" + (i % 2 == 0 ? "" : "&pageSize=50"));
            sends.add(template.asyncSend(uri, e -> { }));
        }

        await().atMost(Duration.ofSeconds(5)).until(() -> sent() == 5);
        assertStaysAt(5);
        clock.advance(Duration.ofSeconds(61));

        await().atMost(Duration.ofSeconds(5)).until(() -> sends.stream().allMatch(CompletableFuture::isDone));
        assertThat(sent()).isEqualTo(7);
        for (CompletableFuture<Exchange> f : sends) {
            assertThat(f.get().getException()).isNull();
        }
    }

    @Test
    void endpointsKeepTheirOwnLimitOnTheSharedCount() throws Exception {
        stubList("59", "60");
        for (int i = 0; i < 3; i++) {
            template.send(list("rateLimitPerMinute=3"), e -> { });
        }
        CompletableFuture<Exchange> strictFourth = template.asyncSend(list("rateLimitPerMinute=3"), e -> { });
        List<CompletableFuture<Exchange>> lenient = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            lenient.add(template.asyncSend(list("rateLimitPerMinute=10"), e -> { }));
        }

        // the shared count reaches the lenient endpoint's 10; the strict one stays held at its 3
        await().atMost(Duration.ofSeconds(5)).until(() -> sent() == 10);
        assertStaysAt(10);
        assertThat(strictFourth).isNotDone();
        assertThat(lenient.stream().filter(CompletableFuture::isDone).count()).isEqualTo(7);
    }

    @Test
    void theDailyLimitCoversAllKeysAndFailsFastWithoutSending() {
        stubList("59", "60");
        String keyA = list("dailyRequestLimit=3");
        String keyB = "velaro:conversations?operation=list&dailyRequestLimit=3&apiKey=RAW(" + OTHER_KEY + ")&baseUrl="
                      + baseUrl();
        template.send(keyA, e -> { });
        template.send(keyA, e -> { });
        template.send(keyB, e -> { });

        Exchange refused = template.send(keyB, e -> { });

        VelaroRateLimitException e = (VelaroRateLimitException) refused.getException();
        assertThat(e.getStatusCode()).isZero();
        assertThat(e.getRetryAt()).isEqualTo(clock.instant().atZone(ZoneOffset.UTC).toLocalDate().plusDays(1)
                .atStartOfDay(ZoneOffset.UTC).toInstant());
        assertThat(e.getMessage()).contains("daily budget of 3 requests (dailyRequestLimit) is spent");
        assertThat(sent()).isEqualTo(3);

        clock.set(e.getRetryAt().plusSeconds(1));
        assertThat(template.send(keyA, x -> { }).getException()).isNull();
        assertThat(sent()).isEqualTo(4);
    }

    @Test
    void theMonthlyCapFailsFastUntilTheFirstOfNextMonth() {
        clock.set(Instant.parse("2026-11-28T12:00:00Z"));
        wireMock.stubFor(get(urlPathEqualTo("/v1/conversations")).willReturn(aResponse().withStatus(200)
                .withHeader("X-RateLimit-Remaining-Month", "0").withBody(Fixtures.page(1, 100, false))));
        template.send(list(null), e -> { });

        Exchange refused = template.send(list(null), e -> { });

        VelaroRateLimitException e = (VelaroRateLimitException) refused.getException();
        assertThat(e.getStatusCode()).isZero();
        assertThat(e.getRetryAt()).isEqualTo(Instant.parse("2026-12-01T00:00:00Z"));
        assertThat(e.getMessage()).contains("monthly call cap");
        assertThat(sent()).isEqualTo(1);
        clock.set(Instant.parse("2026-12-01T00:00:01Z"));
        wireMock.stubFor(get(urlPathEqualTo("/v1/conversations")).willReturn(aResponse().withStatus(200)
                .withHeader("X-RateLimit-Remaining-Month", "9999").withBody(Fixtures.page(1, 100, false))));
        assertThat(template.send(list(null), x -> { }).getException()).isNull();
    }

    @Test
    void aWaitLongerThanTheMaximumFailsClearlyInsteadOfHanging() {
        wireMock.stubFor(get(urlPathEqualTo("/v1/conversations")).willReturn(aResponse().withStatus(429)
                .withHeader("Retry-After", "600").withBody(Fixtures.error("rate_limited", "daily limit reached"))));

        Exchange first = template.send(list("maxRetryWait=60s"), e -> { });
        Exchange next = template.send(list("maxRetryWait=60s"), e -> { });

        VelaroRateLimitException e = (VelaroRateLimitException) first.getException();
        assertThat(e.getStatusCode()).isEqualTo(429);
        assertThat(e.getMessage()).contains("retrying would mean waiting").contains("longer than maxRetryWait (1m0s)");
        assertThat(Duration.between(clock.instant(), e.getRetryAt()).toSeconds()).isCloseTo(600, within(3L));
        // the key stays blocked until Retry-After: the next call fails fast without sending
        VelaroRateLimitException fast = (VelaroRateLimitException) next.getException();
        assertThat(fast.getStatusCode()).isZero();
        assertThat(fast.getMessage()).contains("Velaro asked to retry later (429)");
        assertThat(sent()).isEqualTo(1);
    }

    @Test
    void theQuotaSnapshotShowsSharedCountsWithoutCallingTheApi() {
        stubList("7", "45");
        template.send(list(null), e -> { });
        template.send(list("pageSize=10"), e -> { });
        int before = sent();

        QuotaSnapshot quota = context.getEndpoint(list("rateLimitPerMinute=30"), VelaroEndpoint.class).createApi().quota();

        assertThat(sent()).isEqualTo(before);
        assertThat(quota.key()).isEqualTo(MASKED_KEY);
        assertThat(quota.minuteLimit()).isEqualTo(30);
        assertThat(quota.minuteUsed()).isEqualTo(2);
        assertThat(quota.minuteRemaining()).isEqualTo(7);
        assertThat(quota.dailyUsed()).isEqualTo(2);
        assertThat(quota.dailyLimit()).isEqualTo(1000);
        assertThat(quota.minuteReset()).isAfter(clock.instant());
        assertThat(quota.blockedUntil()).isNull();
    }

    @Test
    void waitingExchangesDoNotHoldTheCallersThread() throws Exception {
        stubList("59", "60");
        Producer producer = context.getEndpoint(list("rateLimitPerMinute=2")).createProducer();
        producer.start();
        AtomicInteger done = new AtomicInteger();
        long started = System.nanoTime();
        for (int i = 0; i < 20; i++) {
            Exchange exchange = new DefaultExchange(context);
            ((AsyncProcessor) producer).process(exchange, doneSync -> done.incrementAndGet());
        }
        long millis = (System.nanoTime() - started) / 1_000_000;

        assertThat(millis).as("20 process() calls with 18 of them waiting").isLessThan(3000);
        await().atMost(Duration.ofSeconds(5)).until(() -> done.get() == 2);
        assertStaysAt(2);
        assertThat(done.get()).isEqualTo(2);
        producer.stop();
    }

    @Test
    void stoppingTheComponentFailsTheRequestsStillWaiting() throws Exception {
        stubList("0", "60");
        template.send(list(null), e -> { });
        CompletableFuture<Exchange> waiting = template.asyncSend(list(null), e -> { });
        assertStaysAt(1);

        context.getComponent("velaro", VelaroComponent.class).stop();

        await().atMost(Duration.ofSeconds(5)).until(waiting::isDone);
        assertThat(waiting.get().getException()).isInstanceOf(VelaroException.class)
                .hasMessageContaining("stopped while the request waited");
        assertThat(sent()).isEqualTo(1);
    }

    @Test
    void moreThanAThousandRequestsCanWaitAtOnce() throws Exception {
        RateGovernor governor = context.getComponent("velaro", VelaroComponent.class).governor();
        ApiKey key = ApiKey.of(KEY, "apiKey");
        RateLimits onePerMinute = new RateLimits(1, 10_000, 0, Duration.ofHours(1));
        List<CompletableFuture<Long>> permits = new ArrayList<>();
        for (int i = 0; i < 1500; i++) {
            permits.add(governor.acquire(key, onePerMinute, "GET /conversations"));
        }

        Thread.sleep(1500); // a re-examination tick or more
        assertThat(permits.stream().filter(CompletableFuture::isDone).count()).as("only the first may go").isEqualTo(1);
        clock.advance(Duration.ofSeconds(61));
        await().atMost(Duration.ofSeconds(10)).until(() -> permits.stream().filter(CompletableFuture::isDone).count() == 2);
        assertThat(permits.stream().filter(CompletableFuture::isCompletedExceptionally).count()).isZero();
    }
}
