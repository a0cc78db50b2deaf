package io.github.camelvelaro.velaro.webhook;

import java.io.IOException;
import java.net.SocketTimeoutException;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.core.http.HttpVersion;

/**
 * Reads the body of a vert.x request that platform-http handed over unread ({@code useBodyHandler=false}, set by
 * {@link WebhookTransport}): no more than {@code maxBodySize} bytes are taken in, and a refused request's connection
 * is closed once the answer is written, so the rest of its body is never read either.
 * <p>
 * Only loaded when vert.x is on the classpath (see {@link WebhookBodyReader}); camel-velaro does not bring it.
 */
final class VertxRequestBody {

    private VertxRequestBody() {
    }

    static boolean isRequest(Object body) {
        return body instanceof HttpServerRequest;
    }

    /**
     * The whole body, read on the request's event loop while the calling (worker) thread waits.
     *
     * @throws WebhookBodyReader.TooLargeException when Content-Length announces, or the body has, more than
     *                                             {@code maxBodySize} bytes
     * @throws SocketTimeoutException              when the body did not arrive within {@code timeout}
     * @throws IOException                         when the connection failed before the body ended
     */
    static byte[] read(Object body, long maxBodySize, Duration timeout)
            throws WebhookBodyReader.TooLargeException, IOException {
        HttpServerRequest request = (HttpServerRequest) body;
        byte[] readAhead = VertxBodyReadAhead.take(request);
        if (readAhead != null) {
            return readAhead;
        }
        return await(request, start(request, maxBodySize, false), timeout).getBytes();
    }

    /**
     * Starts reading the body; the future completes on the request's event loop.
     *
     * @param beforeEnd complete (and pause the request) as soon as the announced Content-Length arrived, before the
     *                  request's end is handled: platform-http pauses the request it hands over, which vert.x refuses
     *                  for a request that ended
     *
     * @throws WebhookBodyReader.TooLargeException when Content-Length announces more than {@code maxBodySize} bytes
     * @throws IOException                         when the engine read the body already
     */
    static CompletableFuture<Buffer> start(HttpServerRequest request, long maxBodySize, boolean beforeEnd)
            throws WebhookBodyReader.TooLargeException, IOException {
        Long announced = WebhookBodyReader.parseLength(request.getHeader(HttpHeaders.CONTENT_LENGTH));
        if (announced != null && announced > maxBodySize) {
            refuse(request);
            throw WebhookBodyReader.announcedTooLarge(announced, maxBodySize);
        }
        // sized for the announced body, so that a large accepted body is not copied while it grows
        Buffer received = Buffer.buffer(announced == null ? 4096 : (int) Math.max(1, announced));
        CompletableFuture<Buffer> done = new CompletableFuture<>();
        try {
            request.handler(chunk -> {
                if (done.isDone()) {
                    return;
                }
                if ((long) received.length() + chunk.length() > maxBodySize) {
                    request.pause();
                    done.completeExceptionally(WebhookBodyReader.bodyTooLarge(maxBodySize));
                } else {
                    received.appendBuffer(chunk);
                    if (beforeEnd && announced != null && received.length() == announced) {
                        request.pause();
                        done.complete(received);
                    }
                }
            });
            request.exceptionHandler(done::completeExceptionally);
            request.endHandler(end -> done.complete(received));
        } catch (IllegalStateException e) {
            // the engine read the body already (it was not handed over unread)
            throw new IOException("the request body was already read by the HTTP engine", e);
        }
        if ("100-continue".equalsIgnoreCase(request.getHeader(HttpHeaders.EXPECT))) {
            request.response().writeContinue();
        }
        request.resume();
        return done;
    }

    private static Buffer await(HttpServerRequest request, CompletableFuture<Buffer> done, Duration timeout)
            throws WebhookBodyReader.TooLargeException, IOException {
        try {
            return done.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            request.pause();
            refuse(request);
            throw new SocketTimeoutException("the body did not arrive within " + timeout.toSeconds() + " s");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            refuse(request);
            throw new IOException("interrupted while reading the body", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof WebhookBodyReader.TooLargeException tooLarge) {
                refuse(request);
                throw tooLarge;
            }
            throw new IOException("the connection failed before the body ended: " + e.getCause(), e.getCause());
        }
    }

    /**
     * Ends the exchange with the client once the answer is written, instead of reading the rest of the body to keep
     * the connection: HTTP/1.x closes the connection, HTTP/2 resets only this stream (NO_ERROR, RFC 9113 8.1).
     */
    static void refuse(HttpServerRequest request) {
        HttpServerResponse response = request.response();
        if (request.version() == HttpVersion.HTTP_2) {
            response.endHandler(written -> response.reset(0));
        } else {
            response.putHeader(HttpHeaders.CONNECTION, HttpHeaders.CLOSE);
            response.endHandler(written -> response.close());
        }
    }
}
