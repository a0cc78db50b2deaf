package io.github.camelvelaro.sandbox.faults;

import java.time.Duration;
import java.util.Objects;

/**
 * Says which requests a fault hits (optionally only a method and a path prefix below the base URL, such as
 * {@code /conversations}, or {@code /hooks/workflows} for workflow trigger URLs) and what it does. Ends with one of
 * the fault methods, which arms it.
 */
public final class FaultRuleBuilder {

    private final FaultInjector injector;
    private final int times;
    private String method;
    private String pathPrefix;

    FaultRuleBuilder(FaultInjector injector, int times) {
        this.injector = injector;
        this.times = times;
    }

    /** Only requests with this method, e.g. {@code GET}. */
    public FaultRuleBuilder method(String value) {
        this.method = Objects.requireNonNull(value, "method");
        return this;
    }

    /**
     * Only requests whose path below the base URL starts with this, e.g. {@code /contacts}; {@code /hooks/workflows}
     * for workflow trigger URLs (their token is not part of what is matched).
     */
    public FaultRuleBuilder path(String prefix) {
        if (prefix == null || !prefix.startsWith("/")) {
            throw new IllegalArgumentException("a path prefix starts with /, e.g. /conversations");
        }
        this.pathPrefix = prefix;
        return this;
    }

    /** Answer with this status (e.g. 500, 503) and an error body instead of processing. */
    public void status(int status) {
        if (status < 400 || status > 599) {
            throw new IllegalArgumentException("a fault status is 4xx or 5xx, not " + status);
        }
        arm(new Fault.Status(status));
    }

    /** Wait this long before processing (for client read timeouts). */
    public void delay(Duration delay) {
        if (delay == null || delay.isNegative()) {
            throw new IllegalArgumentException("a delay must be zero or more");
        }
        arm(new Fault.Delay(delay));
    }

    /** Close the connection without any response; the request is not processed. */
    public void closeConnection() {
        arm(new Fault.Drop(false, false));
    }

    /** Abort the connection with a TCP reset; the request is not processed. */
    public void resetConnection() {
        arm(new Fault.Drop(true, false));
    }

    /** Process the request (a POST does create), then close the connection without the response. */
    public void loseResponse() {
        arm(new Fault.Drop(false, true));
    }

    /** Process the request, then answer with a truncated JSON body. */
    public void malformedJson() {
        arm(new Fault.MalformedJson());
    }

    private void arm(Fault fault) {
        injector.add(new FaultRule(fault, method, pathPrefix, times));
    }
}
