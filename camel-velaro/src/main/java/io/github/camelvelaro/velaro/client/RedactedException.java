package io.github.camelvelaro.velaro.client;

/**
 * Stands in, in a chain of causes, for an exception whose message quoted a secret (a JDK {@code IOException} naming
 * a trigger URL, a parser quoting a body that echoed a key): it keeps the original's class name, which it shows as
 * its own, and its stack trace, with the secret removed from the message.
 */
public final class RedactedException extends Exception {

    private static final long serialVersionUID = 1L;

    private final String originalClassName;

    RedactedException(String originalClassName, String scrubbedMessage) {
        super(scrubbedMessage);
        this.originalClassName = originalClassName;
    }

    /** The class of the exception this one stands in for, e.g. {@code java.io.IOException}. */
    public String getOriginalClassName() {
        return originalClassName;
    }

    @Override
    public String toString() {
        String message = getLocalizedMessage();
        return message == null ? originalClassName : originalClassName + ": " + message;
    }
}
