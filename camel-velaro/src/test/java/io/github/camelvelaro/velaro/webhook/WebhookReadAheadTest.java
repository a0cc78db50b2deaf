package io.github.camelvelaro.velaro.webhook;

import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.mock.MockEndpoint;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Over HTTP/1.1 the body of a delivery with a Content-Length is read on platform-http's event loop before a worker
 * thread takes the request, as platform-http's body handler does for its own routes; the answers stay the same.
 */
class WebhookReadAheadTest extends WebhookTestSupport {

    private static final String PATH = "/hooks/read-ahead";

    @Override
    protected HttpClient newHttpClient() {
        return HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(5))
                .build();
    }

    @BeforeEach
    void route() throws Exception {
        addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from("webhook:velaro:events?webhookSecret=RAW(" + SECRET + ")&webhookPath=" + PATH
                     + "&maxBodySize=2048")
                        .routeId("events").to("mock:events");
            }
        });
    }

    @Test
    void aSignedDeliveryIsReadAheadVerifiedAndPassedOnOnce() throws Exception {
        MockEndpoint events = getMockEndpoint("mock:events");
        long before = VertxBodyReadAhead.taken();
        String body = event("evt_1", "conversation.resolved", conversation("c_1"));

        assertThat(deliverSigned(PATH, body, "evt_1").statusCode()).isEqualTo(204);
        assertThat(deliverSigned(PATH, body, "evt_1").statusCode()).isEqualTo(204);

        assertThat(VertxBodyReadAhead.taken() - before).isEqualTo(2);
        assertThat(events.getReceivedCounter()).isEqualTo(1);
    }

    @Test
    void aBadSignatureAndMalformedJsonGetTheirAnswers() throws Exception {
        String body = event("evt_2", "conversation.resolved", conversation("c_2"));
        long now = NOW.getEpochSecond();

        assertThat(deliver(PATH, body, "evt_2", now, sign(SECRET, "evt_2", now, body + " ")).statusCode())
                .isEqualTo(401);
        assertThat(deliver(PATH, "{not json", "evt_3", now, sign(SECRET, "evt_3", now, "{not json")).statusCode())
                .isEqualTo(400);
        assertThat(getMockEndpoint("mock:events").getReceivedCounter()).isZero();
    }

    @Test
    void aBodyOverMaxBodySizeIsRefusedWith413AndTheConnectionClosed() throws Exception {
        String answer = rawPost(4096);

        assertThat(answer).startsWith("HTTP/1.1 413").containsIgnoringCase("connection: close");
    }

    /** Sends a POST announcing and sending {@code length} bytes; returns what the server wrote until it closed. */
    private String rawPost(int length) throws Exception {
        try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), port())) {
            socket.setSoTimeout(30_000);
            OutputStream out = socket.getOutputStream();
            out.write(("POST " + PATH + " HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\n"
                       + "Content-Length: " + length + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            out.write(new byte[length]);
            out.flush();
            InputStream in = socket.getInputStream();
            return new String(in.readAllBytes(), StandardCharsets.ISO_8859_1);
        }
    }
}
