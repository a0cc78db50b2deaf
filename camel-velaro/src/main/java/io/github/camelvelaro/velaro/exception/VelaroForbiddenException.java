package io.github.camelvelaro.velaro.exception;

/** Velaro answered 403: the key lacks the scope the request needs. */
public class VelaroForbiddenException extends VelaroException {

    private static final long serialVersionUID = 1L;

    private final String requiredScope;

    public VelaroForbiddenException(String message, String errorCode, String requiredScope) {
        super(message, 403, errorCode, null);
        this.requiredScope = requiredScope;
    }

    /** The scope the request needs, e.g. {@code write:contacts}, when known. */
    public String getRequiredScope() {
        return requiredScope;
    }
}
