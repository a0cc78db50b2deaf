package io.github.camelvelaro.velaro.webhook;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;

import org.apache.camel.spi.IdempotentRepository;
import org.apache.camel.support.service.ServiceSupport;

/**
 * An in-memory {@link IdempotentRepository} whose keys expire a fixed time after they were added: {@code add} takes
 * a key that is absent or expired, so a claim left behind by a delivery that never finished stops blocking its
 * redeliveries.
 * <p>
 * It is the default {@code inProgressRepository} of each webhook endpoint, and can be shared by several endpoints or
 * CamelContexts in one JVM. Nodes in separate JVMs need a shared store that expires claims, such as camel-sql's
 * {@code JdbcOrphanLockAwareIdempotentRepository}.
 */
public final class ExpiringMemoryIdempotentRepository extends ServiceSupport implements IdempotentRepository {

    private final Duration maxAge;
    private final Clock clock;
    private final Map<String, Instant> added = new ConcurrentHashMap<>();

    /**
     * @param maxAge how long a key is held after it was added
     * @param clock  the time keys are added and expire by
     */
    public ExpiringMemoryIdempotentRepository(Duration maxAge, Clock clock) {
        if (maxAge == null || maxAge.isNegative() || maxAge.isZero()) {
            throw new IllegalArgumentException("maxAge must be a positive duration, was " + maxAge);
        }
        this.maxAge = maxAge;
        this.clock = clock;
    }

    /** Adds the key when it is absent or expired; false when it is held. */
    @Override
    public boolean add(String key) {
        Instant now = clock.instant();
        // expired keys of deliveries that never finished are dropped here, so nothing grows without bound
        added.values().removeIf(since -> expired(since, now));
        AtomicBoolean taken = new AtomicBoolean();
        added.compute(key, (k, since) -> {
            if (since != null && !expired(since, now)) {
                return since;
            }
            taken.set(true);
            return now;
        });
        return taken.get();
    }

    @Override
    public boolean contains(String key) {
        Instant since = added.get(key);
        return since != null && !expired(since, clock.instant());
    }

    @Override
    public boolean remove(String key) {
        return added.remove(key) != null;
    }

    @Override
    public boolean confirm(String key) {
        return true;
    }

    @Override
    public void clear() {
        added.clear();
    }

    /** How long a key is held. */
    public Duration getMaxAge() {
        return maxAge;
    }

    private boolean expired(Instant since, Instant now) {
        return !since.plus(maxAge).isAfter(now);
    }

    @Override
    public String toString() {
        return "ExpiringMemoryIdempotentRepository[maxAge=" + maxAge + ", keys=" + added.size() + "]";
    }
}
