package io.github.camelvelaro.velaro.metrics;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

import io.github.camelvelaro.velaro.client.ApiKey;
import io.github.camelvelaro.velaro.client.QuotaSnapshot;
import io.github.camelvelaro.velaro.client.VelaroClient;
import io.github.camelvelaro.velaro.client.VelaroRequest;
import io.github.camelvelaro.velaro.exception.VelaroException;

/**
 * One component's activity: requests per hour of the UTC day, the last errors, the keys whose quota is shown and the
 * running pollers. The dev console reads it; every event is also forwarded to the meters, which are
 * {@link VelaroMetrics#NOOP} until {@link #bind(VelaroMetrics)} (the component binds Micrometer at start where the
 * application has a {@code MeterRegistry}).
 */
public final class VelaroActivity implements VelaroMetrics {

    private final Supplier<Clock> clock;
    private final HourlyRequests hourly;
    private final RecentErrors errors = new RecentErrors();
    private final Map<String, WatchedKey> keys = new ConcurrentHashMap<>();
    private final Map<String, Supplier<QuotaSnapshot>> quotaSources = new ConcurrentHashMap<>();
    private final Map<WatchedPoller, Boolean> pollers = new ConcurrentHashMap<>();
    private volatile VelaroMetrics meters = NOOP;

    /** @param clock the component's time source, read at each event (tests set it after the component exists) */
    public VelaroActivity(Supplier<Clock> clock) {
        this.clock = clock;
        this.hourly = new HourlyRequests(clock);
    }

    /** Forwards events to {@code meters} from now on, and tells them the keys and pollers already known. */
    public void bind(VelaroMetrics meters) {
        this.meters = meters;
        keys.values().forEach(meters::keyWatched);
        pollers.keySet().forEach(meters::pollerStarted);
    }

    /** Stops forwarding to the meters. */
    public void unbind() {
        meters = NOOP;
    }

    /** The meters events are forwarded to; {@link VelaroMetrics#NOOP} when none are bound. */
    public VelaroMetrics meters() {
        return meters;
    }

    public Clock clock() {
        return clock.get();
    }

    /**
     * Has the client report its requests here, and shows the quota of {@code key} (its key now, null for workflows)
     * and of every key it sends later (a rotated key), each read under the client's limits.
     */
    public VelaroClient watch(VelaroClient client, ApiKey key) {
        client.metrics(new ClientEvents(client));
        if (key != null) {
            watchKey(key, () -> client.quota(key));
        }
        return client;
    }

    /** One client's events: the activity's, plus the keys it sends. */
    private final class ClientEvents implements VelaroMetrics {

        private final VelaroClient client;

        ClientEvents(VelaroClient client) {
            this.client = client;
        }

        @Override
        public void request(VelaroRequest request, ApiKey key, int status, long nanos, VelaroException failure) {
            if (key != null && !keys.containsKey(key.fingerprint())) {
                watchKey(key, () -> client.quota(key));
            }
            VelaroActivity.this.request(request, key, status, nanos, failure);
        }

        @Override
        public void governorWait(long nanos) {
            VelaroActivity.this.governorWait(nanos);
        }
    }

    @Override
    public void request(VelaroRequest request, ApiKey key, int status, long nanos, VelaroException failure) {
        if (request.isApi()) {
            // workflow triggers are not counted against the API budget
            hourly.add();
        }
        if (failure != null) {
            errors.add(new RecentError(clock.get().instant(), RequestOperation.of(request), status, failure.getMessage()));
        }
        meters.request(request, key, status, nanos, failure);
    }

    @Override
    public void governorWait(long nanos) {
        meters.governorWait(nanos);
    }

    @Override
    public void webhookVerificationFailed(String resource, String reason) {
        errors.add(new RecentError(clock.get().instant(), "webhook:" + resource, 401, "signature verification failed: "
                                                                              + reason));
        meters.webhookVerificationFailed(resource, reason);
    }

    @Override
    public void webhookDuplicate(String resource, WebhookDuplicate kind) {
        meters.webhookDuplicate(resource, kind);
    }

    /**
     * Shows this key's quota (the latest source wins: a key's clients share the governor's count). Only the masked
     * key and its fingerprint are kept.
     */
    public void watchKey(ApiKey key, Supplier<QuotaSnapshot> quota) {
        String fingerprint = key.fingerprint();
        quotaSources.put(fingerprint, quota);
        boolean[] added = new boolean[1];
        WatchedKey watched = keys.computeIfAbsent(fingerprint, fp -> {
            added[0] = true;
            // one per key for the component's life: meters registered once keep reading the latest source
            return new WatchedKey(key.masked(), fp, () -> quotaSources.get(fp).get());
        });
        if (added[0]) {
            meters.keyWatched(watched);
        }
    }

    /**
     * Shows a running poller until the returned handle is closed.
     *
     * @param maskedKey          the key it polls with now, masked (it changes when the key is rotated)
     * @param cursor             the {@code updatedAt} its cursor stands at, or null before its first poll
     * @param lastSuccessfulPoll when a poll last completed, or null
     */
    public AutoCloseable watchPoller(String routeId, String name, Supplier<String> maskedKey,
                                     Supplier<Instant> cursor,
                                     Supplier<Instant> lastSuccessfulPoll) {
        WatchedPoller poller = new WatchedPoller(routeId, name, maskedKey, cursor, lastSuccessfulPoll);
        pollers.put(poller, Boolean.TRUE);
        meters.pollerStarted(poller);
        return () -> {
            if (pollers.remove(poller) != null) {
                meters.pollerStopped(poller);
            }
        };
    }

    /** Today's requests per hour against {@code dailyLimit}. */
    public BudgetDay today(int dailyLimit) {
        return hourly.today(dailyLimit);
    }

    /** The keys whose quota is shown, in no particular order. */
    public List<WatchedKey> keys() {
        return new ArrayList<>(keys.values());
    }

    /** The running pollers, in no particular order. */
    public List<WatchedPoller> pollers() {
        return new ArrayList<>(pollers.keySet());
    }

    /** The last errors, newest first. */
    public List<RecentError> errors() {
        return errors.list();
    }
}
