package io.github.camelvelaro.sandbox.webhooks;

import java.net.URI;
import java.time.Instant;

/**
 * One POST of a webhook delivery.
 *
 * @param id        the event (or transcript delivery) id, the same on every attempt
 * @param kind      {@code event} or {@code transcript}
 * @param type      the event type, or {@code transcript}
 * @param url       where it was sent
 * @param attempt   1 for the first try, 2 for the first redelivery, …
 * @param timestamp the {@code webhook-timestamp} sent (epoch seconds, sandbox clock), or 0 when unsigned
 * @param status    the receiver's status, or 0 when it did not answer
 * @param sentAt    when it was sent (sandbox clock)
 */
public record DeliveryAttempt(String id, String kind, String type, URI url, int attempt, long timestamp, int status,
                              Instant sentAt) {

    /** Whether the receiver acknowledged it (2xx). */
    public boolean acknowledged() {
        return status >= 200 && status <= 299;
    }
}
