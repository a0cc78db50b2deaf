package io.github.camelvelaro.sandbox.http;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * One HTTP request as it came off the socket.
 *
 * @param method   e.g. {@code GET}, as sent (upper case by convention)
 * @param path     the path, percent-decoded, e.g. {@code /v1/conversations/conv_1}
 * @param rawQuery the query string without {@code ?}, still encoded; empty when there is none
 * @param headers  header values by lower-case name
 * @param body     the body (empty when there is none)
 */
public record RawRequest(String method, String path, String rawQuery, Map<String, List<String>> headers, byte[] body) {

    public RawRequest {
        headers = Map.copyOf(headers);
    }

    /** The first value of a header, by any case of its name. */
    public Optional<String> header(String name) {
        List<String> values = headers.get(name.toLowerCase(Locale.ROOT));
        return values == null || values.isEmpty() ? Optional.empty() : Optional.of(values.get(0));
    }

    /** The query parameters, decoded. */
    public QueryString query() {
        return QueryString.parse(rawQuery);
    }
}
