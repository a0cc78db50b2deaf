package io.github.camelvelaro.velaro.exception;

/**
 * No HTTP response was received (connection refused or reset, timeout, TLS failure), after the retries that are
 * safe for the request. Status code 0. {@link #mayHaveReachedVelaro()} tells whether a create or update may have
 * been applied anyway.
 */
public class VelaroConnectionException extends VelaroException {

    private static final long serialVersionUID = 1L;

    private final boolean mayHaveReachedVelaro;

    public VelaroConnectionException(String message, boolean mayHaveReachedVelaro, Throwable cause) {
        super(message, 0, null, cause);
        this.mayHaveReachedVelaro = mayHaveReachedVelaro;
    }

    /** False only when the request certainly never left (e.g. connection refused). */
    public boolean mayHaveReachedVelaro() {
        return mayHaveReachedVelaro;
    }
}
