package io.github.camelvelaro.velaro.exception;

/** Velaro answered with success but a body that is not what the API describes (not JSON, wrong shape). */
public class VelaroMalformedResponseException extends VelaroException {

    private static final long serialVersionUID = 1L;

    public VelaroMalformedResponseException(String message, int statusCode, Throwable cause) {
        super(message, statusCode, null, cause);
    }
}
