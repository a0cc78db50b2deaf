package io.github.camelvelaro.sandbox.http;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One HTTP response to write. {@code Content-Length} and {@code Connection} are added by the writer.
 *
 * @param status  the status code
 * @param headers header values by name, in the order they are written
 * @param body    the body (empty for none)
 */
public record RawResponse(int status, Map<String, String> headers, byte[] body) {

    public RawResponse {
        headers = Collections.unmodifiableMap(new LinkedHashMap<>(headers));
        body = body == null ? new byte[0] : body;
    }

    /** A JSON response. */
    public static RawResponse json(int status, byte[] body) {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Content-Type", "application/json");
        return new RawResponse(status, headers, body);
    }

    /** The same response with one more header (or a header replaced). */
    public RawResponse withHeader(String name, String value) {
        Map<String, String> copy = new LinkedHashMap<>(headers);
        copy.put(name, value);
        return new RawResponse(status, copy, body);
    }

    /** The same status and headers with another body. */
    public RawResponse withBody(byte[] newBody) {
        return new RawResponse(status, headers, newBody);
    }

}
