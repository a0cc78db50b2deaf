package io.github.camelvelaro.sandbox.http;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/** Serves the requests of one client connection in turn (HTTP/1.1 keep-alive) until either side closes it. */
final class HttpConnection implements Runnable {

    private static final System.Logger LOG = System.getLogger(HttpConnection.class.getName());

    /** How long an idle keep-alive connection is kept open. */
    static final int IDLE_TIMEOUT_MILLIS = 60_000;

    private final Socket socket;
    private final RequestHandler handler;
    private final Runnable onClose;

    HttpConnection(Socket socket, RequestHandler handler, Runnable onClose) {
        this.socket = socket;
        this.handler = handler;
        this.onClose = onClose;
    }

    @Override
    public void run() {
        try (socket) {
            socket.setSoTimeout(IDLE_TIMEOUT_MILLIS);
            socket.setTcpNoDelay(true);
            OutputStream out = new BufferedOutputStream(socket.getOutputStream());
            HttpRequestReader reader = new HttpRequestReader(new BufferedInputStream(socket.getInputStream()),
                    () -> sendContinue(out));
            boolean open = true;
            while (open) {
                open = serveOne(reader, out);
            }
        } catch (SocketTimeoutException | SocketException e) {
            // idle timeout, the client went away, or the sandbox is stopping: nothing to report
        } catch (IOException | UncheckedIOException e) {
            LOG.log(System.Logger.Level.DEBUG, "Connection ended: {0}", e.toString());
        } finally {
            onClose.run();
        }
    }

    /** Serves one request; false when the connection must close afterwards. */
    private boolean serveOne(HttpRequestReader reader, OutputStream out) throws IOException {
        HttpRequestReader.ParsedRequest parsed;
        try {
            parsed = reader.read();
        } catch (BadHttpRequestException e) {
            byte[] body = e.getMessage().getBytes(StandardCharsets.UTF_8);
            RawResponse response = new RawResponse(e.status(), Map.of("Content-Type", "text/plain"), body);
            ResponseWriter.write(out, response, true);
            return false;
        }
        if (parsed == null) {
            return false;
        }
        HttpOutcome outcome;
        try {
            outcome = handler.handle(parsed.request());
        } catch (RuntimeException e) {
            // a bug in the sandbox must not look like a network failure to the client under test
            LOG.log(System.Logger.Level.ERROR, "The sandbox failed to handle a request", e);
            outcome = HttpOutcome.respond(new RawResponse(500, Map.of("Content-Type", "text/plain"),
                    "sandbox error".getBytes(StandardCharsets.UTF_8)));
        }
        if (outcome instanceof HttpOutcome.Respond respond) {
            ResponseWriter.write(out, respond.response(), !parsed.keepAlive());
            return parsed.keepAlive();
        }
        if (((HttpOutcome.Drop) outcome).reset()) {
            // SO_LINGER 0 makes close() send RST instead of FIN: the client sees "connection reset"
            socket.setSoLinger(true, 0);
        }
        return false;
    }

    private static void sendContinue(OutputStream out) {
        try {
            ResponseWriter.writeContinue(out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
