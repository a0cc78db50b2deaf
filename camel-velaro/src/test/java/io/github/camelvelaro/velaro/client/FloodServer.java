package io.github.camelvelaro.velaro.client;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A loopback HTTP/1.1 server that answers every request with one status and a large body written from one small
 * reused buffer (so the server itself allocates almost nothing), chunked or with a Content-Length, and counts the
 * body bytes the client accepted before it hung up. Each connection serves one response and is then closed.
 */
final class FloodServer implements AutoCloseable {

    private static final int CHUNK = 64 * 1024;

    private final ServerSocket socket;
    private final int status;
    private final long bodyBytes;
    private final boolean chunked;
    private final AtomicLong written = new AtomicLong();
    private final AtomicInteger connections = new AtomicInteger();
    private final Thread acceptor;

    FloodServer(int status, long bodyBytes, boolean chunked) throws IOException {
        this.status = status;
        this.bodyBytes = bodyBytes;
        this.chunked = chunked;
        this.socket = new ServerSocket(0, 10, InetAddress.getLoopbackAddress());
        this.acceptor = new Thread(this::acceptLoop, "flood-server");
        acceptor.setDaemon(true);
        acceptor.start();
    }

    int port() {
        return socket.getLocalPort();
    }

    /** Body bytes written to clients so far (all connections). */
    long written() {
        return written.get();
    }

    int connections() {
        return connections.get();
    }

    private void acceptLoop() {
        while (!socket.isClosed()) {
            try (Socket client = socket.accept()) {
                connections.incrementAndGet();
                serve(client);
            } catch (IOException e) {
                // the client hung up, or the server closed: next
            }
        }
    }

    private void serve(Socket client) throws IOException {
        readRequestHead(client.getInputStream());
        OutputStream out = client.getOutputStream();
        String head = "HTTP/1.1 " + status + " Flood\r\nContent-Type: application/json\r\n"
                      + (chunked ? "Transfer-Encoding: chunked\r\n" : "Content-Length: " + bodyBytes + "\r\n")
                      + "Connection: close\r\n\r\n";
        out.write(head.getBytes(StandardCharsets.US_ASCII));
        byte[] data = new byte[CHUNK];
        Arrays.fill(data, (byte) 'x');
        byte[] chunkHead = (Integer.toHexString(CHUNK) + "\r\n").getBytes(StandardCharsets.US_ASCII);
        byte[] crlf = "\r\n".getBytes(StandardCharsets.US_ASCII);
        long left = bodyBytes;
        while (left > 0) {
            int n = (int) Math.min(CHUNK, left);
            if (chunked) {
                out.write(n == CHUNK ? chunkHead : (Integer.toHexString(n) + "\r\n").getBytes(StandardCharsets.US_ASCII));
            }
            out.write(data, 0, n);
            if (chunked) {
                out.write(crlf);
            }
            written.addAndGet(n);
            left -= n;
        }
        if (chunked) {
            out.write("0\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
        }
        out.flush();
    }

    /** Reads up to the blank line that ends the request head (the tests send GETs and small POST bodies). */
    private static void readRequestHead(InputStream in) throws IOException {
        int matched = 0;
        byte[] end = { '\r', '\n', '\r', '\n' };
        int b;
        while (matched < 4 && (b = in.read()) >= 0) {
            matched = b == end[matched] ? matched + 1 : b == '\r' ? 1 : 0;
        }
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }
}
