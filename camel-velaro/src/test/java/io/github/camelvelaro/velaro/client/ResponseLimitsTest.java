package io.github.camelvelaro.velaro.client;

import io.github.camelvelaro.velaro.exception.VelaroException;
import io.github.camelvelaro.velaro.exception.VelaroConnectionException;
import io.github.camelvelaro.velaro.exception.VelaroMalformedResponseException;
import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

import io.github.camelvelaro.velaro.Fixtures;
import io.github.camelvelaro.velaro.VelaroConfiguration;
import io.github.camelvelaro.velaro.VelaroConstants;
import io.github.camelvelaro.velaro.VelaroTestSupport;
import org.apache.camel.Exchange;
import org.junit.jupiter.api.Test;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/**
 * readTimeout covers the whole response and maxResponseSize bounds what is read: a server that trickles or floods
 * cannot hang the calling thread or fill the heap, and the connection it leaves is not reused half-read.
 */
class ResponseLimitsTest extends VelaroTestSupport {

    private static final long MIB = 1024 * 1024;
    private static final String CONVERSATION = Fixtures.conversationJson("c_1", "2026-11-27T10:15:30Z");

    /** Headers at once, then one chunk a second for 20 s. */
    private static void stubTrickle(String path, boolean post) {
        var response = aResponse().withStatus(200).withBody(CONVERSATION).withChunkedDribbleDelay(20, 20_000);
        wireMock.stubFor(post ? post(path).willReturn(response) : get(path).willReturn(response));
    }

    private CompletableFuture<Exchange> getConversation(String options) {
        return template.asyncSend(velaro("conversations", "operation=get&" + options),
                e -> e.getMessage().setHeader(VelaroConstants.CONVERSATION_ID, "c_1"));
    }

    @Test
    void aTricklingBodyEndsAtReadTimeoutInsteadOfHangingTheThread() throws Exception {
        stubTrickle("/v1/conversations/c_1", false);

        CompletableFuture<Exchange> out = getConversation("readTimeout=2000&maxRetries=0");

        // the body would take 20 s; the whole response has 2 s (a generous bound for a busy machine)
        await().atMost(Duration.ofSeconds(10)).until(out::isDone);
        Throwable e = out.get().getException();
        assertThat(e).isInstanceOf(VelaroConnectionException.class)
                .hasMessage("GET /conversations/c_1 got no complete response (status 200, body still arriving) "
                            + "from Velaro within readTimeout (2000 ms)");
        assertThat(((VelaroConnectionException) e).mayHaveReachedVelaro()).isTrue();
    }

    @Test
    void aTimedOutGetIsRetriedButATimedOutPostIsNotRepeated() throws Exception {
        stubTrickle("/v1/conversations/c_1", false);
        stubTrickle("/v1/conversations", true);

        CompletableFuture<Exchange> got = getConversation("readTimeout=1000&maxRetries=1");
        CompletableFuture<Exchange> created = template.asyncSend(velaro("conversations", "readTimeout=1000&maxRetries=1"),
                e -> e.getMessage().setBody("{\"message\":\"hi\"}"));

        await().atMost(Duration.ofSeconds(15)).until(() -> got.isDone() && created.isDone());
        assertThat(got.get().getException()).isInstanceOf(VelaroConnectionException.class);
        // WireMock sends the headers with the first chunk, so either phase may be the one cut short
        assertThat(created.get().getException()).isInstanceOf(VelaroConnectionException.class)
                .hasMessageStartingWith("POST /conversations got no ")
                .hasMessageEndingWith(" from Velaro within readTimeout (1000 ms)");
        wireMock.verify(2, getRequestedFor(urlEqualTo("/v1/conversations/c_1")));
        wireMock.verify(1, postRequestedFor(urlEqualTo("/v1/conversations")));
    }

    @Test
    void theNextRequestIsAnsweredCorrectlyAfterATimeoutOrAnOversizedBody() throws Exception {
        stubTrickle("/v1/conversations/c_slow", false);
        wireMock.stubFor(get("/v1/conversations/c_big").willReturn(aResponse().withStatus(200)
                .withBody("[" + "1,".repeat(300_000) + "1]")));
        wireMock.stubFor(get("/v1/conversations/c_1").willReturn(aResponse().withStatus(200).withBody(CONVERSATION)));
        String uri = velaro("conversations", "operation=get&readTimeout=1000&maxResponseSize=100000&maxRetries=0");

        Exchange slow = template.send(uri, e -> e.getMessage().setHeader(VelaroConstants.CONVERSATION_ID, "c_slow"));
        Exchange big = template.send(uri, e -> e.getMessage().setHeader(VelaroConstants.CONVERSATION_ID, "c_big"));
        for (int i = 0; i < 3; i++) {
            Exchange fine = template.send(uri, e -> e.getMessage().setHeader(VelaroConstants.CONVERSATION_ID, "c_1"));
            assertThat(fine.getException()).isNull();
            assertThat(fine.getMessage().getHeader(VelaroConstants.CONVERSATION_ID)).isEqualTo("c_1");
        }

        assertThat(slow.getException()).isInstanceOf(VelaroConnectionException.class);
        assertThat(big.getException()).isInstanceOf(VelaroMalformedResponseException.class);
    }

    @Test
    void aFloodOfFiftyMebibytesEndsAtMaxResponseSizeWithoutBeingBuffered() throws Exception {
        try (FloodServer server = new FloodServer(200, 50 * MIB, true)) {
            Map<Long, Long> before = allocatedPerThread();

            Exchange out = template.send(floodUri(server, "operation=list&maxResponseSize=" + MIB), e -> { });

            long allocated = allocatedSince(before);
            assertThat(out.getException()).isInstanceOf(VelaroMalformedResponseException.class)
                    .hasMessage("Velaro answered 200 to GET /conversations with a body larger than maxResponseSize "
                                + "(1048576 bytes); the response was not read further");
            assertThat(((VelaroException) out.getException()).getStatusCode()).isEqualTo(200);
            // reading the whole body would allocate it at least twice (100 MiB); socket buffers hold a few MiB
            assertThat(allocated).as("bytes allocated by all threads").isLessThan(16 * MIB);
            await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(server.written())
                    .as("bytes the client accepted before hanging up").isLessThan(16 * MIB));
            assertThat(server.connections()).as("not retried").isEqualTo(1);
        }
    }

    @Test
    void aDeclaredLengthOverTheLimitFailsBeforeReadingTheBody() throws Exception {
        try (FloodServer server = new FloodServer(200, 50 * MIB, false)) {
            Exchange out = template.send(floodUri(server, "operation=list&maxResponseSize=" + MIB), e -> { });

            assertThat(out.getException()).isInstanceOf(VelaroMalformedResponseException.class)
                    .hasMessageContaining("larger than maxResponseSize (1048576 bytes; it declared 52428800)");
            await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(server.written())
                    .isLessThan(16 * MIB));
        }
    }

    @Test
    void anErrorBodyOverTheLimitIsHandledTheSameWay() throws Exception {
        try (FloodServer server = new FloodServer(503, 50 * MIB, true)) {
            Exchange out = template.send(floodUri(server, "operation=list&maxResponseSize=" + MIB), e -> { });

            assertThat(out.getException()).isInstanceOf(VelaroMalformedResponseException.class)
                    .hasMessageStartingWith("Velaro answered 503 to GET /conversations with a body larger than "
                                            + "maxResponseSize (1048576 bytes)");
            assertThat(((VelaroException) out.getException()).getStatusCode()).isEqualTo(503);
            await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(server.written())
                    .isLessThan(16 * MIB));
            assertThat(server.connections()).as("a malformed answer is not retried").isEqualTo(1);
        }
    }

    @Test
    void aBodyOfExactlyTheLimitIsRead() {
        wireMock.stubFor(get("/v1/conversations/c_1").willReturn(aResponse().withStatus(200).withBody(CONVERSATION)));

        Exchange exact = getConversation("maxResponseSize=" + CONVERSATION.length()).join();
        Exchange oneShort = getConversation("maxResponseSize=" + (CONVERSATION.length() - 1)).join();

        assertThat(exact.getException()).isNull();
        assertThat(oneShort.getException()).isInstanceOf(VelaroMalformedResponseException.class);
    }

    @Test
    void aMaxResponseSizeOutOfRangeIsRefusedNamingTheOption() {
        VelaroConfiguration configuration = new VelaroConfiguration();
        assertThat(configuration.getMaxResponseSize()).isEqualTo(16L * 1024 * 1024);
        configuration.setMaxResponseSize(0);

        assertThatThrownBy(configuration::checkRanges)
                .hasMessage("Option maxResponseSize must be between 1 and 1073741824, was 0");
    }

    private static String floodUri(FloodServer server, String options) {
        return "velaro:conversations?apiKey=RAW(" + KEY + ")&baseUrl=http://127.0.0.1:" + server.port() + "/v1&"
               + options;
    }

    private static Map<Long, Long> allocatedPerThread() {
        com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        long[] ids = threads.getAllThreadIds();
        long[] bytes = threads.getThreadAllocatedBytes(ids);
        Map<Long, Long> byThread = new HashMap<>();
        for (int i = 0; i < ids.length; i++) {
            byThread.put(ids[i], bytes[i]);
        }
        return byThread;
    }

    /** Bytes allocated since {@code before} by every live thread (all of a thread started since). */
    private static long allocatedSince(Map<Long, Long> before) {
        long total = 0;
        for (Map.Entry<Long, Long> now : allocatedPerThread().entrySet()) {
            if (now.getValue() > 0) {
                total += now.getValue() - before.getOrDefault(now.getKey(), 0L);
            }
        }
        return total;
    }
}
