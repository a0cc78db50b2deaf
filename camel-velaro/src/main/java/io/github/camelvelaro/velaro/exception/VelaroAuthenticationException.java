package io.github.camelvelaro.velaro.exception;

/** Velaro answered 401: the key is missing, invalid, revoked or expired. */
public class VelaroAuthenticationException extends VelaroException {

    private static final long serialVersionUID = 1L;

    public VelaroAuthenticationException(String message, String errorCode) {
        super(message, 401, errorCode, null);
    }
}
