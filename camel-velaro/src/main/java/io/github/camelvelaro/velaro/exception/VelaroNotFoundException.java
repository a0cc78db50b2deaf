package io.github.camelvelaro.velaro.exception;

/** Velaro answered 404: no such conversation or contact. */
public class VelaroNotFoundException extends VelaroException {

    private static final long serialVersionUID = 1L;

    public VelaroNotFoundException(String message, String errorCode) {
        super(message, 404, errorCode, null);
    }
}
