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

    /** What an injected status fault answers: the code a real failure of that status would have. */
    static ApiError injected(int status) {
        String code = switch (status) {
            case 500 -> "internal_error";
            case 502 -> "bad_gateway";
            case 503 -> "service_unavailable";
            case 504 -> "gateway_timeout";
            default -> "injected_fault";
        };
        return new ApiError(status, code, "Something went wrong on our side; try again (sandbox fault)");
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
