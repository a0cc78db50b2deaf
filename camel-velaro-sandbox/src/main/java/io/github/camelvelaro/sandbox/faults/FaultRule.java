package io.github.camelvelaro.sandbox.faults;

import java.util.Locale;

/** A fault for the next {@code remaining} requests that match an optional method and path prefix. */
final class FaultRule {

    private final Fault fault;
    private final String method;
    private final String pathPrefix;
    private int remaining;

    FaultRule(Fault fault, String method, String pathPrefix, int times) {
        this.fault = fault;
        this.method = method == null ? null : method.toUpperCase(Locale.ROOT);
        this.pathPrefix = pathPrefix;
        this.remaining = times;
    }

    boolean matches(String requestMethod, String path) {
        return remaining > 0
               && (method == null || method.equalsIgnoreCase(requestMethod))
               && (pathPrefix == null || path.startsWith(pathPrefix));
    }

    /** Uses up one occurrence. */
    Fault take() {
        remaining--;
        return fault;
    }

    boolean spent() {
        return remaining <= 0;
    }

    int remaining() {
        return remaining;
    }
}
