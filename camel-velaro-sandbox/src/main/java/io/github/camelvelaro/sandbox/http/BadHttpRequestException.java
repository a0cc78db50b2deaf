package io.github.camelvelaro.sandbox.http;

/** A request that cannot be read as HTTP/1.1; answered with {@link #status()} and the connection closed. */
final class BadHttpRequestException extends Exception {

    private static final long serialVersionUID = 1L;

    private final int status;

    BadHttpRequestException(int status, String message) {
        super(message);
        this.status = status;
    }

    int status() {
        return status;
    }
}
