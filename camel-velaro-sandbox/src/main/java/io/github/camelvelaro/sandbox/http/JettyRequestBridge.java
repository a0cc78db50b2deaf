package io.github.camelvelaro.sandbox.http;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.eclipse.jetty.http.HttpField;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

/**
 * Turns a Jetty request into a {@link RawRequest} for the sandbox's {@link RequestHandler} and carries out its
 * {@link HttpOutcome}: writes the response, or drops the connection. The handler sees whole bodies and writes whole
 * responses (small JSON documents), so the body is read before the handler runs; reading it is also what makes Jetty
 * answer {@code Expect: 100-continue}.
 */
final class JettyRequestBridge extends Handler.Abstract {

    private static final System.Logger LOG = System.getLogger(JettyRequestBridge.class.getName());

    private final RequestHandler handler;

    JettyRequestBridge(RequestHandler handler) {
        this.handler = handler;
    }

    @Override
    public boolean handle(Request request, Response response, Callback callback) {
        byte[] body;
        try {
            body = bytes(Content.Source.asByteBuffer(request));
        } catch (IOException | RuntimeException e) {
            // a body over the size limit (Jetty's 413 is in the cause) or a client gone mid-body: Jetty answers it
            callback.failed(e);
            return true;
        }
        HttpOutcome outcome = outcome(toRawRequest(request, body));
        if (outcome instanceof HttpOutcome.Respond respond) {
            write(respond.response(), response, callback);
        } else {
            ConnectionDrop.drop(request, ((HttpOutcome.Drop) outcome).reset(), callback);
        }
        return true;
    }

    private HttpOutcome outcome(RawRequest request) {
        try {
            return handler.handle(request);
        } catch (RuntimeException e) {
            // a bug in the sandbox must not look like a network failure to the client under test
            LOG.log(System.Logger.Level.ERROR, "The sandbox failed to handle a request", e);
            return HttpOutcome.respond(new RawResponse(500, Map.of("Content-Type", "text/plain"),
                    "sandbox error".getBytes(StandardCharsets.UTF_8)));
        }
    }

    private static RawRequest toRawRequest(Request request, byte[] body) {
        Map<String, List<String>> headers = new LinkedHashMap<>();
        for (HttpField field : request.getHeaders()) {
            headers.computeIfAbsent(field.getLowerCaseName(), name -> new ArrayList<>()).add(field.getValue());
        }
        String path = request.getHttpURI().getDecodedPath();
        String query = request.getHttpURI().getQuery();
        return new RawRequest(request.getMethod(), path == null || path.isEmpty() ? "/" : path,
                query == null ? "" : query, headers, body);
    }

    private static void write(RawResponse raw, Response response, Callback callback) {
        response.setStatus(raw.status());
        raw.headers().forEach(response.getHeaders()::put);
        response.getHeaders().put(HttpHeader.CONTENT_LENGTH, raw.body().length);
        response.write(true, ByteBuffer.wrap(raw.body()), callback);
    }

    private static byte[] bytes(ByteBuffer buffer) {
        byte[] bytes = new byte[buffer.remaining()];
        buffer.get(bytes);
        return bytes;
    }
}
