package io.github.camelvelaro.velaro.metrics;

import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import java.util.function.ToDoubleFunction;

import io.github.camelvelaro.velaro.client.ApiKey;
import io.github.camelvelaro.velaro.client.QuotaSnapshot;
import io.github.camelvelaro.velaro.client.VelaroRequest;
import io.github.camelvelaro.velaro.exception.VelaroException;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.TimeGauge;
import io.micrometer.core.instrument.Timer;

/**
 * The component's meters in a Micrometer registry, named as camel-micrometer names Camel's own (lowercase, dotted,
 * {@code camel.} first, a {@code camelContext} tag on every meter). The only class that touches Micrometer: it is
 * loaded only when {@link MicrometerLookup} found a registry. See docs/metrics.md for the meters and their tags.
 */
final class MicrometerMetrics implements VelaroMetrics {

    static final String REQUESTS = "camel.velaro.requests";
    static final String QUOTA_REMAINING = "camel.velaro.quota.remaining";
    static final String GOVERNOR_WAITS = "camel.velaro.governor.waits";
    static final String POLL_LAG = "camel.velaro.poll.lag";
    static final String WEBHOOK_VERIFICATION_FAILURES = "camel.velaro.webhook.verification.failures";
    static final String WEBHOOK_DUPLICATES = "camel.velaro.webhook.duplicates";

    static final String CAMEL_CONTEXT_TAG = "camelContext";
    static final String ROUTE_ID_TAG = "routeId";
    static final String OPERATION_TAG = "operation";
    static final String STATUS_TAG = "status";
    static final String KEY_TAG = "key";
    static final String KEY_FINGERPRINT_TAG = "keyFingerprint";
    static final String WINDOW_TAG = "window";
    static final String POLLER_TAG = "poller";
    static final String RESOURCE_TAG = "resource";
    static final String REASON_TAG = "reason";

    private final MeterRegistry registry;
    private final Tags common;
    private final Supplier<Clock> clock;
    private final Map<String, Timer> requestTimers = new ConcurrentHashMap<>();
    private final Map<WatchedPoller, Meter> lagGauges = new ConcurrentHashMap<>();
    private final Timer governorWaits;

    /** Called only once a {@code MeterRegistry} was found, so that no caller's code names a Micrometer type. */
    static VelaroMetrics create(Object registry, String camelContext, Supplier<Clock> clock) {
        return new MicrometerMetrics((MeterRegistry) registry, camelContext, clock);
    }

    MicrometerMetrics(MeterRegistry registry, String camelContext, Supplier<Clock> clock) {
        this.registry = registry;
        this.common = Tags.of(CAMEL_CONTEXT_TAG, camelContext);
        this.clock = clock;
        this.governorWaits = Timer.builder(GOVERNOR_WAITS)
                .description("Time requests waited for the rate governor (per-minute window, Retry-After, pauses)")
                .tags(common).register(registry);
    }

    @Override
    public void request(VelaroRequest request, ApiKey key, int status, long nanos, VelaroException failure) {
        String operation = RequestOperation.of(request);
        String statusTag = status == 0 ? "none" : Integer.toString(status);
        requestTimers.computeIfAbsent(operation + ' ' + statusTag, k -> Timer.builder(REQUESTS)
                .description("HTTP exchanges with Velaro (each attempt), by operation and response status")
                .tags(common).tag(OPERATION_TAG, operation).tag(STATUS_TAG, statusTag)
                .register(registry))
                .record(nanos, TimeUnit.NANOSECONDS);
    }

    @Override
    public void governorWait(long nanos) {
        governorWaits.record(nanos, TimeUnit.NANOSECONDS);
    }

    @Override
    public void webhookVerificationFailed(String resource, String reason) {
        Counter.builder(WEBHOOK_VERIFICATION_FAILURES)
                .description("Webhook deliveries refused with 401: missing, stale or wrong signature")
                .tags(common).tag(RESOURCE_TAG, resource).register(registry).increment();
    }

    @Override
    public void webhookDuplicate(String resource, WebhookDuplicate kind) {
        Counter.builder(WEBHOOK_DUPLICATES)
                .description("Webhook deliveries acknowledged without being passed on again")
                .tags(common).tag(RESOURCE_TAG, resource).tag(REASON_TAG, kind.tag()).register(registry).increment();
    }

    @Override
    public void keyWatched(WatchedKey key) {
        quotaGauge(key, "minute", QuotaSnapshot::minuteRemaining);
        quotaGauge(key, "day", q -> Math.max(0, q.dailyLimit() - q.dailyUsed()));
        quotaGauge(key, "month", q -> q.monthRemaining() == null ? Double.NaN : q.monthRemaining());
    }

    private void quotaGauge(WatchedKey key, String window, ToDoubleFunction<QuotaSnapshot> value) {
        Gauge.builder(QUOTA_REMAINING, () -> {
            QuotaSnapshot q = key.snapshot();
            return q == null ? Double.NaN : value.applyAsDouble(q);
        })
                .description("Requests left for a key: this minute, this UTC day (all keys of the component), "
                             + "this month (as Velaro last said)")
                .tags(common).tag(KEY_TAG, key.masked()).tag(KEY_FINGERPRINT_TAG, key.fingerprint())
                .tag(WINDOW_TAG, window).strongReference(true).register(registry);
    }

    @Override
    public void pollerStarted(WatchedPoller poller) {
        lagGauges.computeIfAbsent(poller, p -> TimeGauge.builder(POLL_LAG, () -> {
            Duration lag = p.lag(clock.get());
            return lag == null ? Double.NaN : lag.toMillis();
        }, TimeUnit.MILLISECONDS)
                .description("Now minus the poller's cursor: how far behind Velaro's changes the route is")
                .tags(common).tag(ROUTE_ID_TAG, p.routeId()).tag(POLLER_TAG, p.name())
                .strongReference(true).register(registry));
    }

    @Override
    public void pollerStopped(WatchedPoller poller) {
        Meter gauge = lagGauges.remove(poller);
        if (gauge != null) {
            registry.remove(gauge);
        }
    }
}
