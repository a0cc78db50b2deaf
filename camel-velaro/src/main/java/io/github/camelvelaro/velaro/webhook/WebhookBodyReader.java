package io.github.camelvelaro.velaro.webhook;

import java.io.IOException;
import java.io.InputStream;
import java.time.Duration;

import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.Message;

/**
 * Reads a webhook body as the exact bytes the sender signed, refusing anything larger than {@code maxBodySize} before
 * any of it is verified or parsed, and without taking in more than that.
 * <p>
 * Bodies arrive as whatever the HTTP engine produced. The vert.x engine hands over the request unread (see
 * {@link WebhookTransport}), which {@link VertxRequestBody} reads up to the limit; a stream is read up to the limit;
 * anything else (bytes, a vert.x {@code Buffer}, the servlet engine's cached body) was read by the engine already
 * and is turned into bytes by Camel's type converters.
 */
final class WebhookBodyReader {

    /**
     * How long a body read by {@link VertxRequestBody} may take to arrive: Velaro waits 10 s for an answer (see
     * {@link WebhookHandler#IN_PROGRESS_RETRY_SECONDS}), so a body still arriving after this is no delivery worth
     * waiting for, and the worker thread the engine lent the route is released.
     */
    static final Duration READ_TIMEOUT = Duration.ofSeconds(30);

    /** Whether vert.x is on the classpath; {@link VertxRequestBody} (which needs it) is not touched otherwise. */
    private static final boolean VERTX = present("io.vertx.core.http.HttpServerRequest");
    /** Whether camel-platform-http-vertx is, so that {@link VertxBodyReadAhead} can read bodies on the event loop. */
    private static final boolean VERTX_ROUTER
            = VERTX && present("org.apache.camel.component.platform.http.vertx.VertxPlatformHttpRouter");

    private final long maxBodySize;
    private final Duration readTimeout;

    WebhookBodyReader(long maxBodySize) {
        this(maxBodySize, READ_TIMEOUT);
    }

    WebhookBodyReader(long maxBodySize, Duration readTimeout) {
        this.maxBodySize = maxBodySize;
        this.readTimeout = readTimeout;
    }

    /**
     * Reads the bodies of POSTs to {@code path} on platform-http's vert.x event loop from now on, if it serves them.
     *
     * @return what {@link #stopReadingAhead} takes, or null when nothing was set up
     */
    Object readAhead(CamelContext context, String path, String uri) {
        return VERTX_ROUTER ? VertxBodyReadAhead.install(context, path, maxBodySize, readTimeout, uri) : null;
    }

    static void stopReadingAhead(Object readAhead) {
        if (readAhead != null) {
            ((VertxBodyReadAhead) readAhead).remove();
        }
    }

    /** Signals a body (announced or actual) over {@code maxBodySize}. */
    static final class TooLargeException extends Exception {
        private static final long serialVersionUID = 1L;

        TooLargeException(String message) {
            super(message, null, false, false);
        }
    }

    /**
     * The raw body, never null (empty when there is none).
     *
     * @throws TooLargeException when Content-Length announces, or the body has, more than {@code maxBodySize} bytes
     * @throws IOException       when the body cannot be read (a {@link java.net.SocketTimeoutException} when it did
     *                           not arrive in time)
     */
    byte[] read(Message in) throws TooLargeException, IOException {
        Object body = in.getBody();
        if (VERTX && VertxRequestBody.isRequest(body)) {
            return VertxRequestBody.read(body, maxBodySize, readTimeout);
        }
        // the announced length is checked first so an honest oversized request is refused without reading it
        Long announced = parseLength(in.getHeader(Exchange.CONTENT_LENGTH));
        if (announced != null && announced > maxBodySize) {
            throw announcedTooLarge(announced, maxBodySize);
        }
        if (body == null) {
            return new byte[0];
        }
        if (body instanceof InputStream stream) {
            // one byte over the limit is enough to know it is too large: a lying or absent Content-Length cannot
            // make us buffer more
            byte[] bytes = stream.readNBytes((int) Math.min(Integer.MAX_VALUE - 8L, maxBodySize + 1));
            if (bytes.length > maxBodySize) {
                throw bodyTooLarge(maxBodySize);
            }
            return bytes;
        }
        byte[] bytes = in.getBody(byte[].class);
        if (bytes == null) {
            throw new IOException("the body (" + body.getClass().getName() + ") cannot be read as bytes");
        }
        if (bytes.length > maxBodySize) {
            throw new TooLargeException("body of " + bytes.length + " bytes exceeds maxBodySize " + maxBodySize);
        }
        return bytes;
    }

    static TooLargeException announcedTooLarge(long announced, long maxBodySize) {
        return new TooLargeException("Content-Length " + announced + " exceeds maxBodySize " + maxBodySize);
    }

    static TooLargeException bodyTooLarge(long maxBodySize) {
        return new TooLargeException("body of more than " + maxBodySize + " bytes exceeds maxBodySize " + maxBodySize);
    }

    /** A Content-Length value, or null when absent or malformed (which proves nothing: the bytes are still counted). */
    static Long parseLength(Object value) {
        if (value == null) {
            return null;
        }
        try {
            return Long.parseLong(value.toString().strip());
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static boolean present(String className) {
        try {
            Class.forName(className, false, WebhookBodyReader.class.getClassLoader());
            return true;
        } catch (ClassNotFoundException | LinkageError e) {
            return false;
        }
    }
}
