package io.github.camelvelaro.velaro.webhook;

import java.time.Clock;
import java.time.Duration;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.Set;

import io.github.camelvelaro.velaro.VelaroConfiguration;
import io.github.camelvelaro.velaro.VelaroResource;
import org.apache.camel.spi.IdempotentRepository;

/**
 * The webhook options of an endpoint, validated when its route starts. Messages name the options and never show the
 * secret.
 */
record WebhookSettings(WebhookVerifier verifier, long maxBodySize, Set<String> eventTypes, Duration inProgressTimeout) {

    /** The largest maxBodySize: a body is held as one byte array. */
    static final long MAX_BODY_SIZE_LIMIT = Integer.MAX_VALUE - 8L;

    static WebhookSettings of(VelaroResource resource, VelaroConfiguration configuration, Clock clock) {
        String uri = "webhook:velaro:" + resource.uriName();
        if (configuration.getMaxBodySize() <= 0 || configuration.getMaxBodySize() > MAX_BODY_SIZE_LIMIT) {
            throw new IllegalArgumentException("Option maxBodySize must be a positive number of bytes up to "
                                               + MAX_BODY_SIZE_LIMIT + ", was " + configuration.getMaxBodySize());
        }
        if (configuration.getInProgressTimeout() <= 0) {
            throw new IllegalArgumentException("Option inProgressTimeout must be a positive duration, was "
                                               + configuration.getInProgressTimeout() + " ms");
        }
        IdempotentRepository completed = configuration.getIdempotentRepository();
        if (completed != null && completed == configuration.getInProgressRepository()) {
            throw new IllegalArgumentException("Options idempotentRepository and inProgressRepository must be "
                                               + "different repositories (or different processor names of one "
                                               + "table): a claimed id would read as completed");
        }
        if (configuration.getWebhookTolerance() <= 0) {
            throw new IllegalArgumentException("Option webhookTolerance must be a positive duration, was "
                                               + configuration.getWebhookTolerance() + " ms");
        }
        Set<String> eventTypes = eventTypes(configuration.getEventTypes());
        if (!eventTypes.isEmpty() && resource != VelaroResource.EVENTS) {
            throw new IllegalArgumentException("Option eventTypes applies to webhook:velaro:events only; " + uri
                                               + " deliveries have no event type");
        }
        if (configuration.getReconcileGroup() != null && !configuration.getReconcileGroup().isBlank()
                && resource != VelaroResource.EVENTS) {
            throw new IllegalArgumentException("Option reconcileGroup applies to webhook:velaro:events and the pollers "
                                               + "of conversations and contacts; " + uri + " deliveries carry no "
                                               + "updatedAt to reconcile");
        }
        return new WebhookSettings(verifier(uri, configuration, clock), configuration.getMaxBodySize(), eventTypes,
                Duration.ofMillis(configuration.getInProgressTimeout()));
    }

    private static WebhookVerifier verifier(String uri, VelaroConfiguration configuration, Clock clock) {
        String secret = configuration.getWebhookSecret();
        if (secret == null || secret.isBlank()) {
            if (!configuration.isAllowUnsigned()) {
                throw new IllegalArgumentException(uri + " needs option webhookSecret (the whsec_… signing secret from "
                                                   + "Velaro) to verify deliveries; to accept unsigned deliveries "
                                                   + "anyway, set allowUnsigned=true");
            }
            return WebhookVerifier.UNSIGNED;
        }
        return new StandardWebhooksVerifier(secret, Duration.ofMillis(configuration.getWebhookTolerance()), clock);
    }

    private static Set<String> eventTypes(String option) {
        Set<String> types = new LinkedHashSet<>();
        if (option != null) {
            Arrays.stream(option.split(",")).map(String::strip).filter(s -> !s.isEmpty()).forEach(types::add);
        }
        return types;
    }
}
