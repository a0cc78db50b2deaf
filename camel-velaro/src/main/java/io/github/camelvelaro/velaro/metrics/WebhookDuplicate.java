package io.github.camelvelaro.velaro.metrics;

import java.util.Locale;

/** Why a webhook delivery was acknowledged without being passed on to the route. */
public enum WebhookDuplicate {
    /** A delivery with the same key completed before (the idempotent repository). */
    COMPLETED,
    /** A delivery with the same key is being processed (answered 409). */
    IN_PROGRESS,
    /** The endpoint's reconcile group received this version or a newer one (from a webhook or a poller). */
    RECONCILED;

    /** The meter tag value, e.g. {@code in_progress}. */
    public String tag() {
        return name().toLowerCase(Locale.ROOT);
    }
}
