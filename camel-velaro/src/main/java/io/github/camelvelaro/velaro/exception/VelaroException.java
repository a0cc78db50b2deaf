package io.github.camelvelaro.velaro.exception;

import io.github.camelvelaro.velaro.client.Secrets;

/**
 * Base of every error the component raises. Messages never contain an API key, a webhook secret or a trigger URL,
 * nor do the messages of its causes: whatever {@link Secrets#redact(String)} recognises is masked here, in the
 * message and through the whole chain of causes, and the client removes a request's own secrets (a trigger URL's
 * token) before it wraps a cause.
 */
public class VelaroException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final int statusCode;
    private final String errorCode;

    public VelaroException(String message) {
        this(message, 0, null, null);
    }

    public VelaroException(String message, int statusCode, String errorCode, Throwable cause) {
        super(Secrets.redact(message), Secrets.redactChain(cause));
        this.statusCode = statusCode;
        this.errorCode = errorCode;
    }

    /** The HTTP status Velaro answered, or 0 when no HTTP response was received. */
    public int getStatusCode() {
        return statusCode;
    }

    /** Velaro's machine-readable error code from the error body ({@code error.code}), when it sent one. */
    public String getErrorCode() {
        return errorCode;
    }
}
