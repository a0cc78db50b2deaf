package io.github.camelvelaro.velaro.client;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.StringJoiner;

/**
 * One HTTP request to Velaro: to the REST API (a path under {@code baseUrl}, authorised with the key) or to a
 * workflow trigger URL (the URL is the credential).
 */
public final class VelaroRequest {

    private final String method;
    private final String path;
    private final Map<String, String> query;
    private final byte[] body;
    private final WorkflowTrigger trigger;

    private VelaroRequest(String method, String path, Map<String, String> query, byte[] body, WorkflowTrigger trigger) {
        this.method = method;
        this.path = path;
        this.query = Collections.unmodifiableMap(new LinkedHashMap<>(query));
        this.body = body;
        this.trigger = trigger;
    }

    /** A REST API request to {@code path} (already encoded, starting with {@code /}) under the base URL. */
    public static VelaroRequest api(String method, String path, Map<String, String> query, byte[] body) {
        return new VelaroRequest(method, path, query, body, null);
    }

    /** A POST of {@code body} to a workflow trigger URL. */
    public static VelaroRequest workflow(WorkflowTrigger trigger, byte[] body) {
        return new VelaroRequest("POST", null, Map.of(), body, trigger);
    }

    /** Encodes one path segment such as an id. */
    public static String segment(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }

    public String method() {
        return method;
    }

    public byte[] body() {
        return body;
    }

    /** Whether this is a REST API request (authorised with the key, governed by the rate limits). */
    public boolean isApi() {
        return trigger == null;
    }

    /**
     * Whether sending it twice has the effect of sending it once, so that it may be retried after it might have
     * reached Velaro.
     */
    public boolean isIdempotent() {
        return "GET".equals(method);
    }

    /** The URI to send to. Never put it in a message: for workflows it is the credential. */
    URI uri(URI baseUri) {
        if (trigger != null) {
            return trigger.uri();
        }
        StringBuilder sb = new StringBuilder(baseUri.toString());
        if (sb.charAt(sb.length() - 1) == '/') {
            sb.setLength(sb.length() - 1);
        }
        sb.append(path);
        if (!query.isEmpty()) {
            StringJoiner joiner = new StringJoiner("&", "?", "");
            query.forEach((k, v) -> joiner.add(URLEncoder.encode(k, StandardCharsets.UTF_8) + "="
                                               + URLEncoder.encode(v, StandardCharsets.UTF_8)));
            sb.append(joiner);
        }
        return URI.create(sb.toString());
    }

    /** What removes this request's secrets from texts and exceptions about it. */
    SecretScrubber scrubber() {
        return trigger == null ? SecretScrubber.GENERIC : trigger.scrubber();
    }

    /** {@code GET /conversations} or {@code POST workflow trigger on host}: safe for messages and logs. */
    public String describe() {
        return trigger == null ? method + " " + path : method + " " + trigger;
    }

    @Override
    public String toString() {
        return describe();
    }
}
