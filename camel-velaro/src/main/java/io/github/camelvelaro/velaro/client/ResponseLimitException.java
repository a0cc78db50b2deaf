package io.github.camelvelaro.velaro.client;

import java.io.IOException;

/**
 * A response cut short by one of the component's own limits, raised by the body reader inside the transport. An
 * {@link IOException}, so that any transport carries it as the cause of its own I/O failure; {@link VelaroClient}
 * finds it there and says which limit ended the response. Transport-neutral.
 */
final class ResponseLimitException extends IOException {

    private static final long serialVersionUID = 1L;

    /** The limit that ended the response. */
    enum Limit {
        /** {@code readTimeout}: the whole response, from sending to the last byte. */
        READ_TIMEOUT,
        /** {@code maxResponseSize}: the body's bytes. */
        MAX_RESPONSE_SIZE
    }

    private final Limit limit;
    private final long declaredLength;

    private ResponseLimitException(Limit limit, long declaredLength, String message) {
        super(message);
        this.limit = limit;
        this.declaredLength = declaredLength;
    }

    static ResponseLimitException tooSlow() {
        return new ResponseLimitException(Limit.READ_TIMEOUT, -1, "the response did not end within readTimeout");
    }

    /** @param cause how the transport reported the exchange the deadline aborted */
    static ResponseLimitException tooSlow(Throwable cause) {
        ResponseLimitException e = tooSlow();
        e.initCause(cause);
        return e;
    }

    /** @param declaredLength what the response declared (Content-Length), or -1 when the limit was crossed reading */
    static ResponseLimitException tooLarge(long declaredLength) {
        return new ResponseLimitException(Limit.MAX_RESPONSE_SIZE, declaredLength, "the body exceeds maxResponseSize");
    }

    Limit limit() {
        return limit;
    }

    /** The length the response declared when that alone exceeded the limit, else -1. */
    long declaredLength() {
        return declaredLength;
    }

    /** The first one in a failure's chain of causes, or null. */
    static ResponseLimitException in(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof ResponseLimitException e) {
                return e;
            }
        }
        return null;
    }
}
