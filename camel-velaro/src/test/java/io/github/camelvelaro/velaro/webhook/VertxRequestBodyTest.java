package io.github.camelvelaro.velaro.webhook;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The vert.x request body as platform-http hands it over unread (paused), read on a worker thread as the engine runs
 * the route: exactly, or refused with the connection closed so the rest is never read, or given up when it stalls.
 */
class VertxRequestBodyTest {

    private static final int LIMIT = 1000;

    private Vertx vertx;
    private HttpServer server;
    private final CompletableFuture<Object> outcome = new CompletableFuture<>();

    @BeforeEach
    void start() throws Exception {
        vertx = Vertx.vertx();
        server = vertx.createHttpServer().requestHandler(request -> {
            request.pause();
            vertx.executeBlocking(() -> VertxRequestBody.read(request, LIMIT, Duration.ofMillis(500)), false)
                    .onComplete(read -> {
                        outcome.complete(read.succeeded() ? read.result() : read.cause());
                        request.response().setStatusCode(read.succeeded() ? 204 : 413).end();
                    });
        }).listen(0, "127.0.0.1").toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
    }

    @AfterEach
    void stop() throws Exception {
        vertx.close().toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
    }

    private Object outcome() throws Exception {
        return outcome.get(30, TimeUnit.SECONDS);
    }

    @Test
    void aBodyWithinTheLimitIsReadExactly() throws Exception {
        String body = "{\"id\":\"evt_1\"}";
        String answer = exchange(head("Content-Length: " + body.length()) + body, false);
        assertThat(answer).startsWith("HTTP/1.1 204");
        assertThat((byte[]) outcome()).isEqualTo(body.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void aChunkedBodyOverTheLimitIsRefusedAndTheConnectionClosed() throws Exception {
        String chunk = "x".repeat(600);
        String chunked = head("Transfer-Encoding: chunked") + chunk(chunk) + chunk(chunk);
        // the request is left unfinished: the server must answer and close without waiting for the rest
        String answer = exchange(chunked, true);
        assertThat(outcome()).isInstanceOf(WebhookBodyReader.TooLargeException.class);
        assertThat(answer).startsWith("HTTP/1.1 413").containsIgnoringCase("connection: close");
    }

    @Test
    void anAnnouncedLengthOverTheLimitIsRefusedBeforeReading() throws Exception {
        String answer = exchange(head("Content-Length: " + (LIMIT + 1)), true);
        assertThat((Throwable) outcome()).isInstanceOf(WebhookBodyReader.TooLargeException.class)
                .hasMessage("Content-Length 1001 exceeds maxBodySize 1000");
        assertThat(answer).startsWith("HTTP/1.1 413");
    }

    @Test
    void aStalledBodyIsGivenUpAndTheConnectionClosed() throws Exception {
        String answer = exchange(head("Content-Length: 100") + "{\"id\":", true);
        assertThat(outcome()).isInstanceOf(SocketTimeoutException.class);
        assertThat(answer).startsWith("HTTP/1.1 413");
    }

    @Test
    void aClientExpectingContinueIsToldToSend() throws Exception {
        try (Socket socket = new Socket("127.0.0.1", server.actualPort())) {
            socket.setSoTimeout(30_000);
            OutputStream out = socket.getOutputStream();
            out.write(head("Content-Length: 2\r\nExpect: 100-continue").getBytes(StandardCharsets.US_ASCII));
            out.flush();
            InputStream in = socket.getInputStream();
            assertThat(readLine(in)).isEqualTo("HTTP/1.1 100 Continue");
            out.write("{}".getBytes(StandardCharsets.US_ASCII));
            out.flush();
            assertThat((byte[]) outcome()).isEqualTo("{}".getBytes(StandardCharsets.US_ASCII));
        }
    }

    private static String head(String header) {
        return "POST /hook HTTP/1.1\r\nHost: 127.0.0.1\r\n" + header + "\r\n\r\n";
    }

    private static String chunk(String data) {
        return Integer.toHexString(data.length()) + "\r\n" + data + "\r\n";
    }

    /**
     * Sends {@code request} and returns everything the server answered; with {@code untilClosed} the answer is read
     * until the server closes the connection (a test that ends by timeout means it did not).
     */
    private String exchange(String request, boolean untilClosed) throws Exception {
        try (Socket socket = new Socket("127.0.0.1", server.actualPort())) {
            socket.setSoTimeout(30_000);
            socket.getOutputStream().write(request.getBytes(StandardCharsets.US_ASCII));
            socket.getOutputStream().flush();
            InputStream in = socket.getInputStream();
            if (!untilClosed) {
                return readLine(in);
            }
            ByteArrayOutputStream answer = new ByteArrayOutputStream();
            in.transferTo(answer);
            return answer.toString(StandardCharsets.US_ASCII);
        }
    }

    private static String readLine(InputStream in) throws IOException {
        StringBuilder line = new StringBuilder();
        for (int c = in.read(); c != -1 && c != '\n'; c = in.read()) {
            if (c != '\r') {
                line.append((char) c);
            }
        }
        return line.toString();
    }
}
