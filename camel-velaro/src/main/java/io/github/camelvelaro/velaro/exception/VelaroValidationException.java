package io.github.camelvelaro.velaro.exception;

/** The message is invalid; nothing was sent to Velaro. Status code 0. */
public class VelaroValidationException extends VelaroException {

    private static final long serialVersionUID = 1L;

    public VelaroValidationException(String message) {
        super(message);
    }

    public VelaroValidationException(String message, Throwable cause) {
        super(message, 0, null, cause);
    }
}
