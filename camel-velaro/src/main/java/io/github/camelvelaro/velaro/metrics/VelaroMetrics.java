package io.github.camelvelaro.velaro.metrics;

import io.github.camelvelaro.velaro.client.ApiKey;
import io.github.camelvelaro.velaro.client.VelaroRequest;
import io.github.camelvelaro.velaro.exception.VelaroException;

/**
 * What the component reports as it works: one call per event, from the place where the event happens. The default
 * of every method does nothing, so {@link #NOOP} costs a virtual call and no more; {@link VelaroActivity} keeps what
 * the dev console shows and forwards to Micrometer where the application has a {@code MeterRegistry}.
 * <p>
 * Nothing passed here is a secret: requests describe themselves without the key or a trigger URL, and the
 * component's exceptions are built without them.
 */
public interface VelaroMetrics {

    /** Reports nothing. */
    VelaroMetrics NOOP = new VelaroMetrics() {
    };

    /**
     * One HTTP exchange (one attempt) ended.
     *
     * @param key     the key it was sent with, or null for a workflow trigger
     * @param status  the response status, or 0 when no response arrived
     * @param nanos   how long the exchange took
     * @param failure the exception it ended with, or null
     */
    default void request(VelaroRequest request, ApiKey key, int status, long nanos, VelaroException failure) {
    }

    /** A request waited {@code nanos} for the rate governor's permit before it could be sent. */
    default void governorWait(long nanos) {
    }

    /** A webhook delivery to {@code resource} ({@code events}, {@code transcripts}) failed signature verification. */
    default void webhookVerificationFailed(String resource, String reason) {
    }

    /** A webhook delivery to {@code resource} was acknowledged without being passed on again. */
    default void webhookDuplicate(String resource, WebhookDuplicate kind) {
    }

    /** A key's quota can now be read (a gauge source). */
    default void keyWatched(WatchedKey key) {
    }

    /** A poller started: its lag can now be read. */
    default void pollerStarted(WatchedPoller poller) {
    }

    /** A poller stopped. */
    default void pollerStopped(WatchedPoller poller) {
    }
}
