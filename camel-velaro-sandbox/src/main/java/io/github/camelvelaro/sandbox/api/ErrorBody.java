package io.github.camelvelaro.sandbox.api;

import java.util.LinkedHashMap;
import java.util.Map;

import io.github.camelvelaro.velaro.client.Secrets;
import io.github.camelvelaro.velaro.model.VelaroJson;

/** The contract's error body (openapi.yaml Error): {@code {"error": {"code", "message", "requiredScope"?}}}. */
final class ErrorBody {

    private ErrorBody() {
    }

    static byte[] of(String code, String message, String requiredScope) {
        Map<String, Object> error = new LinkedHashMap<>();
        error.put("code", code);
        // messages may quote what the client sent (an id, a field): mask anything that looks like a key
        error.put("message", Secrets.redact(message));
        if (requiredScope != null) {
            error.put("requiredScope", requiredScope);
        }
        return VelaroJson.toJsonBytes(Map.of("error", error));
    }

    static byte[] of(ApiError e) {
        return of(e.code(), e.getMessage(), e.requiredScope());
    }
}
