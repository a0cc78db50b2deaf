package io.github.camelvelaro.velaro.webhook;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import com.sun.management.ThreadMXBean;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.mock.MockEndpoint;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * maxBodySize is enforced where the body is read: a body over it is refused without being buffered (the server's
 * own 10 MiB buffer is not in the way), and a limit above 10 MiB works.
 */
class WebhookBodyLimitTest extends WebhookTestSupport {

    private static final Logger LOG = LoggerFactory.getLogger(WebhookBodyLimitTest.class);
    private static final String PATH = "/velaro/events";
    private static final int MIB = 1024 * 1024;

    private MockEndpoint events;

    private void route(long maxBodySize) throws Exception {
        addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from("webhook:velaro:events?webhookSecret=RAW(" + SECRET + ")&webhookPath=" + PATH + "&maxBodySize="
                     + maxBodySize).to("mock:events");
            }
        });
        events = getMockEndpoint("mock:events");
    }

    /**
     * 50 MiB to a 1 MiB endpoint, sent by a client that keeps sending whatever the server answers (as a careless or
     * hostile sender does), with the length announced or not (chunked). The bytes allocated meanwhile by every
     * thread of this JVM, server and client, stay far below the 50 MiB sent: the server stops reading past the
     * limit and closes the connection instead of taking in the rest.
     */
    @ParameterizedTest(name = "announced length: {0}")
    @ValueSource(booleans = { false, true })
    void fiftyMebibytesToAOneMebibyteEndpointAreNotBuffered(boolean announceLength) throws Exception {
        route(MIB);
        // the server's threads and the code paths exist before measuring
        assertThat(deliverSigned(PATH, event("evt_0", "conversation.resolved", conversation("c_1")), "evt_0")
                .statusCode()).isEqualTo(204);

        Map<Long, Long> start = snapshot();
        String status = postGenerated(50L * MIB, announceLength);
        long allocated = allocatedSince(start);
        LOG.info("50 MiB to a 1 MiB endpoint (announced length: {}): {}; {} MiB allocated by all threads",
                announceLength, status, allocated / MIB);

        assertThat(status).startsWith("HTTP/1.1 413");
        assertThat(events.getReceivedCounter()).isEqualTo(1);
        assertThat(allocated).as("bytes allocated by all threads while 50 MiB were sent").isLessThan(16L * MIB);
    }

    @Test
    void aLimitAboveTenMebibytesIsHonoured() throws Exception {
        route(16L * MIB);
        String body = event("evt_big", "x.large", "{\"pad\":\"" + "p".repeat(12 * MIB) + "\"}");
        assertThat(deliverSigned(PATH, body, "evt_big").statusCode()).isEqualTo(204);
        assertThat(events.getReceivedCounter()).isEqualTo(1);
    }

    /**
     * POSTs {@code size} bytes produced on the fly (one 64 KiB buffer sent again and again) over a raw socket, and
     * returns the status line, read by another thread while the body is still being sent.
     */
    private String postGenerated(long size, boolean announceLength) throws Exception {
        try (Socket socket = new Socket("127.0.0.1", port())) {
            socket.setSoTimeout(60_000);
            InputStream in = socket.getInputStream();
            CompletableFuture<String> statusLine = CompletableFuture.supplyAsync(() -> readLine(in));
            OutputStream out = socket.getOutputStream();
            out.write(("POST " + PATH + " HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n"
                       + (announceLength ? "Content-Length: " + size : "Transfer-Encoding: chunked") + "\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            byte[] chunk = new byte[64 * 1024];
            Arrays.fill(chunk, (byte) 'x');
            byte[] chunkHeader = (Integer.toHexString(chunk.length) + "\r\n").getBytes(StandardCharsets.US_ASCII);
            byte[] crlf = "\r\n".getBytes(StandardCharsets.US_ASCII);
            try {
                for (long sent = 0; sent < size; sent += chunk.length) {
                    if (!announceLength) {
                        out.write(chunkHeader);
                    }
                    out.write(chunk);
                    if (!announceLength) {
                        out.write(crlf);
                    }
                }
                if (!announceLength) {
                    out.write("0\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
                }
                out.flush();
            } catch (IOException closedByServer) {
                LOG.info("The server closed the connection while the body was sent: {}", closedByServer.toString());
            }
            return statusLine.get(60, TimeUnit.SECONDS);
        }
    }

    private static String readLine(InputStream in) {
        StringBuilder line = new StringBuilder();
        try {
            for (int c = in.read(); c != -1 && c != '\n'; c = in.read()) {
                if (c != '\r') {
                    line.append((char) c);
                }
            }
        } catch (IOException e) {
            line.append(" (").append(e).append(')');
        }
        return line.toString();
    }

    private static ThreadMXBean threads() {
        return (ThreadMXBean) ManagementFactory.getThreadMXBean();
    }

    private static Map<Long, Long> snapshot() {
        long[] ids = threads().getAllThreadIds();
        long[] bytes = threads().getThreadAllocatedBytes(ids);
        Map<Long, Long> snapshot = new HashMap<>();
        for (int i = 0; i < ids.length; i++) {
            snapshot.put(ids[i], bytes[i]);
        }
        return snapshot;
    }

    /** Bytes allocated since {@code start} by every live thread (threads started since then count in full). */
    private static long allocatedSince(Map<Long, Long> start) {
        long total = 0;
        for (Map.Entry<Long, Long> now : snapshot().entrySet()) {
            if (now.getValue() >= 0) {
                total += now.getValue() - Math.max(0, start.getOrDefault(now.getKey(), 0L));
            }
        }
        return total;
    }
}
