package io.github.camelvelaro.velaro.webhook;

import io.github.camelvelaro.velaro.metrics.VelaroMetrics;
import io.github.camelvelaro.velaro.metrics.WebhookDuplicate;

/** A webhook endpoint's events, reported under its resource ({@code events}, {@code transcripts}). */
record WebhookMetrics(String resource, VelaroMetrics metrics) {

    void verificationFailed(String reason) {
        metrics.webhookVerificationFailed(resource, reason);
    }

    void duplicate(WebhookDuplicate kind) {
        metrics.webhookDuplicate(resource, kind);
    }
}
