package io.github.camelvelaro.sandbox.api;

/**
 * A request the API refuses, answered with {@code status} and the contract's error body
 * {@code {"error": {"code", "message", "requiredScope"}}}.
 */
final class ApiError extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final int status;
    private final String code;
    private final String requiredScope;

    ApiError(int status, String code, String message) {
        this(status, code, message, null);
    }

    ApiError(int status, String code, String message, String requiredScope) {
        super(message, null, false, false);
        this.status = status;
        this.code = code;
        this.requiredScope = requiredScope;
    }

    static ApiError badRequest(String message) {
        return new ApiError(400, "invalid_request", message);
    }

    static ApiError notFound(String message) {
        return new ApiError(404, "not_found", message);
    }

    int status() {
        return status;
    }

    String code() {
        return code;
    }

    String requiredScope() {
        return requiredScope;
    }
}
