package io.github.camelvelaro.velaro.client;

import io.github.camelvelaro.velaro.exception.VelaroException;
import io.github.camelvelaro.velaro.exception.VelaroAuthenticationException;
import io.github.camelvelaro.velaro.exception.VelaroBadRequestException;
import io.github.camelvelaro.velaro.exception.VelaroForbiddenException;
import io.github.camelvelaro.velaro.exception.VelaroNotFoundException;
import io.github.camelvelaro.velaro.exception.VelaroRateLimitException;
import io.github.camelvelaro.velaro.exception.VelaroServerException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.camelvelaro.velaro.model.VelaroJson;

/**
 * Maps a non-2xx response to the typed exception of its status.
 * <p>
 * ASSUMPTION (openapi.yaml Error): an error body is {@code {"error": {"code", "message", "requiredScope"}}}; clients
 * must also cope with a non-JSON or empty body, of which the first 512 characters are quoted.
 */
final class VelaroErrors {

    static final int MAX_QUOTED = 512;

    private VelaroErrors() {
    }

    static VelaroException toException(VelaroRequest request, int status, byte[] body, RateLimitHeaders limits) {
        ErrorBody error = ErrorBody.parse(body, request.scrubber());
        String message = "Velaro answered " + status + reason(status) + " to " + request.describe()
                         + (error.text().isEmpty() ? "" : ": " + error.text());
        return switch (status) {
            case 400 -> new VelaroBadRequestException(message, error.code());
            case 401 -> new VelaroAuthenticationException(message, error.code());
            case 403 -> new VelaroForbiddenException(message, error.code(), error.requiredScope());
            case 404 -> new VelaroNotFoundException(message, error.code());
            case 429 -> new VelaroRateLimitException(message, 429, error.code(), retryAt(limits));
            default -> status >= 500
                    ? new VelaroServerException(message, status, error.code())
                    : new VelaroException(message, status, error.code(), null);
        };
    }

    /** The later of {@code Retry-After} and, when the window is spent, its reset; the reset alone otherwise. */
    static Instant retryAt(RateLimitHeaders limits) {
        Instant resetIfSpent = limits.remaining() != null && limits.remaining() <= 0 ? limits.reset() : null;
        if (limits.retryAfter() != null) {
            return resetIfSpent != null && resetIfSpent.isAfter(limits.retryAfter()) ? resetIfSpent : limits.retryAfter();
        }
        return limits.reset();
    }

    private static String reason(int status) {
        return switch (status) {
            case 400 -> " Bad Request";
            case 401 -> " Unauthorized";
            case 403 -> " Forbidden";
            case 404 -> " Not Found";
            case 429 -> " Too Many Requests";
            case 500 -> " Internal Server Error";
            case 502 -> " Bad Gateway";
            case 503 -> " Service Unavailable";
            case 504 -> " Gateway Timeout";
            default -> "";
        };
    }

    /** What an error body said, already redacted. */
    record ErrorBody(String code, String requiredScope, String text) {

        static ErrorBody parse(byte[] body, SecretScrubber scrubber) {
            if (body == null || body.length == 0) {
                return new ErrorBody(null, null, "");
            }
            try {
                JsonNode root = VelaroJson.mapper().readTree(body);
                JsonNode error = root == null ? null : root.get("error");
                if (error != null && error.isObject()) {
                    String code = clean(text(error, "code"), scrubber);
                    String msg = clean(text(error, "message"), scrubber);
                    String scope = clean(text(error, "requiredScope"), scrubber);
                    StringBuilder sb = new StringBuilder(msg == null ? "" : msg);
                    if (scope != null) {
                        sb.append(sb.length() > 0 ? " " : "").append("(required scope: ").append(scope).append(')');
                    }
                    if (code != null) {
                        sb.append(sb.length() > 0 ? " " : "").append("[code=").append(code).append(']');
                    }
                    return new ErrorBody(code, scope, sb.toString());
                }
            } catch (java.io.IOException | RuntimeException notJson) {
                // quoted below
            }
            String raw = new String(body, StandardCharsets.UTF_8);
            String quoted = raw.length() > MAX_QUOTED ? raw.substring(0, MAX_QUOTED) + "…" : raw;
            return new ErrorBody(null, null, clean(quoted, scrubber));
        }

        private static String text(JsonNode node, String field) {
            JsonNode v = node.get(field);
            return v == null || v.isNull() ? null : v.asText();
        }

        private static String clean(String text, SecretScrubber scrubber) {
            if (text == null) {
                return null;
            }
            String oneLine = text.replaceAll("[\\p{Cntrl}&&[^\t]]+", " ").trim();
            return scrubber.scrub(oneLine);
        }
    }
}
