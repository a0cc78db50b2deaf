package io.github.camelvelaro.sandbox;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.SocketException;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.github.camelvelaro.sandbox.journal.JournalEntry;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The embedded HTTP/1.1 server (Jetty), spoken to over a raw socket as curl and other clients do. */
class SandboxHttpServerTest extends FrozenSiteTest {


    /** The frozen T0 is months away from the wall clock: a server that stamped its own Date would be caught. */
    @Test
    void theDateHeaderComesFromTheSandboxClock() throws IOException {
        try (Connection c = connect()) {
            String response = c.exchange("GET /v1/conversations HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer " + key
                                         + "\r\n\r\n");
            assertThat(response).startsWith("HTTP/1.1 200 OK\r\n").contains("\r\nDate: Tue, 10 Mar 2026 10:00:00 GMT\r\n");
            assertThat(response.split("\r\nDate:", -1)).hasSize(2);
            assertThat(response).doesNotContainIgnoringCase("\r\nServer:");
        }
    }

    @Test
    void aConnectionServesSeveralRequestsAndChunkedBodies() throws IOException {
        try (Connection c = connect()) {
            String first = c.exchange("GET /v1/conversations HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer " + key
                                      + "\r\n\r\n");
            String body = "{\"email\":\"chunked.hello@example.com\"}";
            String chunked = Integer.toHexString(10) + "\r\n" + body.substring(0, 10) + "\r\n"
                             + Integer.toHexString(body.length() - 10) + ";ext=1\r\n" + body.substring(10) + "\r\n0\r\n\r\n";
            String second = c.exchange("POST /v1/contacts HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer " + key
                                       + "\r\nContent-Type: application/json\r\nTransfer-Encoding: chunked\r\n\r\n" + chunked);

            assertThat(first).startsWith("HTTP/1.1 200 ");
            assertThat(second).startsWith("HTTP/1.1 201 ").contains("chunked.hello@example.com");
        }
        assertThat(sandbox.contacts().size()).isEqualTo(1);
    }

    @Test
    void aClientThatExpects100ContinueGetsIt() throws IOException {
        String body = "{\"message\":\"after continue\"}";
        try (Connection c = connect()) {
            c.write("POST /v1/conversations HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer " + key
                    + "\r\nExpect: 100-continue\r\nContent-Length: " + body.length() + "\r\n\r\n");
            assertThat(c.readLine()).isEqualTo("HTTP/1.1 100 Continue");
            assertThat(c.readLine()).isEmpty();
            c.write(body);
            assertThat(c.readResponse()).startsWith("HTTP/1.1 201 ");
        }
    }

    @Test
    void requestsJettyCannotAcceptAreRefusedAndTheConnectionClosed() throws IOException {
        try (Connection c = connect()) {
            assertThat(c.exchange("NONSENSE\r\n\r\n")).startsWith("HTTP/1.1 400 ");
            assertThat(c.in.read()).isEqualTo(-1);
        }
        try (Connection c = connect()) {
            // HTTP/1.1 requires Host (RFC 9112 3.2)
            assertThat(c.exchange("GET /v1/conversations HTTP/1.1\r\nAuthorization: Bearer " + key + "\r\n\r\n"))
                    .startsWith("HTTP/1.1 400 ").contains("No Host");
        }
        try (Connection c = connect()) {
            String header = "X-Padding: " + "p".repeat(20 * 1024) + "\r\n";
            assertThat(c.exchange("GET /v1/conversations HTTP/1.1\r\nHost: x\r\n" + header + "\r\n"))
                    .startsWith("HTTP/1.1 431 ");
        }
        try (Connection c = connect()) {
            assertThat(c.exchange("POST /v1/contacts HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer " + key
                                  + "\r\nContent-Type: application/json\r\nContent-Length: 99999999\r\n\r\n"))
                    .startsWith("HTTP/1.1 413 ");
        }
        assertThat(sandbox.journal().entries()).as("refused before reaching the sandbox").isEmpty();
    }

    @Test
    void aChunkedBodyOverTheLimitIs413AndCreatesNothing() throws IOException {
        try (Connection c = connect()) {
            c.write("POST /v1/contacts HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer " + key
                    + "\r\nContent-Type: application/json\r\nTransfer-Encoding: chunked\r\n\r\n");
            String chunk = "x".repeat(64 * 1024);
            try {
                for (int i = 0; i < 80; i++) { // 5 MiB, over the 4 MiB limit
                    c.write(Integer.toHexString(chunk.length()) + "\r\n" + chunk + "\r\n");
                }
                c.write("0\r\n\r\n");
            } catch (SocketException closedWhileSending) {
                // the server may answer and close before the client has sent everything
            }
            assertThat(c.readResponse()).startsWith("HTTP/1.1 413 ");
        }
        assertThat(sandbox.contacts().size()).isZero();
    }

    @Test
    void aMalformedEscapeInTheQueryIsTheApis400AndKeepsTheConnection() throws IOException {
        try (Connection c = connect()) {
            String response = c.exchange("GET /v1/conversations?page=%zz HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer "
                                         + key + "\r\n\r\n");
            assertThat(response).startsWith("HTTP/1.1 400 ").contains("\"code\":\"invalid_request\"")
                    .contains("malformed %-escape");
            assertThat(c.exchange("GET /v1/conversations HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer " + key
                                  + "\r\n\r\n")).startsWith("HTTP/1.1 200 ");
        }
        assertThat(sandbox.journal().entries()).extracting(JournalEntry::status).containsExactly(400, 200);
    }

    @Test
    void http10ClosesAfterTheResponse() throws IOException {
        try (Connection c = connect()) {
            String response = c.exchange("GET /v1/conversations HTTP/1.0\r\nAuthorization: Bearer " + key + "\r\n\r\n");
            assertThat(response).matches("(?s)HTTP/1\\.[01] 200 .*");
            assertThat(c.in.read()).isEqualTo(-1);
        }
    }

    @Test
    void requestsOutsideTheBasePathAre404() throws IOException {
        try (Connection c = connect()) {
            assertThat(c.exchange("GET /conversations HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer " + key + "\r\n\r\n"))
                    .startsWith("HTTP/1.1 404 ").contains("\"code\":\"not_found\"");
        }
    }

    /** A clean close is an end of stream for the client; a reset is an error, as "connection reset" is. */
    @Test
    void aClosedConnectionEndsCleanlyAndAResetOneAborts() throws IOException {
        sandbox.faults().nextRequest().closeConnection();
        try (Connection c = connect()) {
            c.write("GET /v1/conversations HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer " + key + "\r\n\r\n");
            assertThat(c.in.read()).isEqualTo(-1);
        }
        sandbox.faults().nextRequest().resetConnection();
        try (Connection c = connect()) {
            c.write("GET /v1/conversations HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer " + key + "\r\n\r\n");
            assertThatThrownBy(c.in::read).isInstanceOf(SocketException.class).hasMessageContaining("reset");
        }
        assertThat(sandbox.journal().entries()).extracting(JournalEntry::fault).containsExactly("close", "reset");
    }

    private Connection connect() throws IOException {
        return new Connection(new Socket("127.0.0.1", sandbox.port()));
    }

    /** A raw HTTP/1.1 conversation over one socket. */
    private static final class Connection implements AutoCloseable {
        private static final Pattern LENGTH = Pattern.compile("(?i)\r\nContent-Length: (\\d+)\r\n");
        final Socket socket;
        final InputStream in;
        final OutputStream out;

        Connection(Socket socket) throws IOException {
            this.socket = socket;
            socket.setSoTimeout(5000);
            this.in = socket.getInputStream();
            this.out = socket.getOutputStream();
        }

        void write(String text) throws IOException {
            out.write(text.getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
        }

        String exchange(String request) throws IOException {
            write(request);
            return readResponse();
        }

        String readLine() throws IOException {
            ByteArrayOutputStream line = new ByteArrayOutputStream();
            int b;
            while ((b = in.read()) != -1 && b != '\n') {
                line.write(b);
            }
            String s = line.toString(StandardCharsets.ISO_8859_1);
            return s.endsWith("\r") ? s.substring(0, s.length() - 1) : s;
        }

        /** Head and body of one response, framed by its Content-Length. */
        String readResponse() throws IOException {
            StringBuilder head = new StringBuilder();
            String line;
            while (!(line = readLine()).isEmpty()) {
                head.append(line).append("\r\n");
            }
            head.append("\r\n");
            Matcher m = LENGTH.matcher("\r\n" + head);
            int length = m.find() ? Integer.parseInt(m.group(1)) : 0;
            return head + new String(in.readNBytes(length), StandardCharsets.UTF_8);
        }

        @Override
        public void close() throws IOException {
            socket.close();
        }
    }
}
