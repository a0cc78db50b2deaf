package io.github.camelvelaro.sandbox.webhooks;

import java.net.URI;

/**
 * One message to deliver to one URL, however many attempts it takes; the body bytes and id never change between
 * attempts, so receivers can de-duplicate by id.
 *
 * @param id     {@code webhook-id}: the event id, or a transcript delivery id
 * @param kind   {@code event} or {@code transcript}
 * @param type   the event type, or {@code transcript}
 * @param url    the receiver
 * @param body   the exact bytes sent (and signed)
 * @param signed whether to send the Standard Webhooks headers
 */
record Delivery(String id, String kind, String type, URI url, byte[] body, boolean signed) {
}
