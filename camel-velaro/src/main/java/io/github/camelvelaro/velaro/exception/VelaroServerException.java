package io.github.camelvelaro.velaro.exception;

/** Velaro answered 5xx (after the retries that are safe for the request). */
public class VelaroServerException extends VelaroException {

    private static final long serialVersionUID = 1L;

    public VelaroServerException(String message, int statusCode, String errorCode) {
        super(message, statusCode, errorCode, null);
    }
}
