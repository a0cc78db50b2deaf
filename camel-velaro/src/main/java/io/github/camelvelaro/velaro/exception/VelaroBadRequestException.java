package io.github.camelvelaro.velaro.exception;

/** Velaro answered 400: the request body was rejected. */
public class VelaroBadRequestException extends VelaroException {

    private static final long serialVersionUID = 1L;

    public VelaroBadRequestException(String message, String errorCode) {
        super(message, 400, errorCode, null);
    }
}
