package io.github.camelvelaro.velaro.webhook;

import java.io.IOException;
import java.io.InputStream;

import org.apache.camel.Exchange;
import org.apache.camel.Message;

/**
 * Reads a webhook body as the exact bytes the sender signed, refusing anything larger than {@code maxBodySize} before
 * any of it is verified or parsed.
 * <p>
 * Bodies arrive as whatever the HTTP engine produced (a vert.x {@code Buffer}, a stream, bytes); Camel's type
 * converters turn them into bytes, so this class needs no engine on the classpath.
 */
final class WebhookBodyReader {

    private final long maxBodySize;

    WebhookBodyReader(long maxBodySize) {
        this.maxBodySize = maxBodySize;
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
     */
    byte[] read(Message in) throws TooLargeException, IOException {
        // the announced length is checked first so an honest oversized request is refused without reading it
        Long announced = contentLength(in);
        if (announced != null && announced > maxBodySize) {
            throw new TooLargeException("Content-Length " + announced + " exceeds maxBodySize " + maxBodySize);
        }
        Object body = in.getBody();
        if (body == null) {
            return new byte[0];
        }
        // a stream is read no further than the limit: a lying or absent Content-Length cannot make us buffer more
        byte[] bytes = body instanceof InputStream stream ? readAtMost(stream) : in.getBody(byte[].class);
        if (bytes == null) {
            throw new IOException("the body (" + body.getClass().getName() + ") cannot be read as bytes");
        }
        if (bytes.length > maxBodySize) {
            throw new TooLargeException("body of " + (body instanceof InputStream ? "more than " + maxBodySize
                    : String.valueOf(bytes.length)) + " bytes exceeds maxBodySize " + maxBodySize);
        }
        return bytes;
    }

    private byte[] readAtMost(InputStream stream) throws IOException {
        // one byte over the limit is enough to know it is too large
        int limit = (int) Math.min(Integer.MAX_VALUE - 8L, maxBodySize + 1);
        return stream.readNBytes(limit);
    }

    private static Long contentLength(Message in) {
        Object value = in.getHeader(Exchange.CONTENT_LENGTH);
        if (value == null) {
            return null;
        }
        try {
            return Long.parseLong(value.toString().strip());
        } catch (NumberFormatException e) {
            // a malformed header proves nothing: the actual bytes are still checked
            return null;
        }
    }
}
