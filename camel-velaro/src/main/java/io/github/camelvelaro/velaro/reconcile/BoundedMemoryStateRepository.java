package io.github.camelvelaro.velaro.reconcile;

import java.util.LinkedHashMap;
import java.util.Map;

import org.apache.camel.spi.StateRepository;
import org.apache.camel.support.service.ServiceSupport;

/**
 * A {@link StateRepository} in memory that keeps at most {@code capacity} entries, forgetting the least recently read
 * or written one first. The default {@code reconcileRepository}: a group only needs the items that changed recently
 * (a version older than the last reconciliation poll is not listed again), and an item it forgets costs at most one
 * version delivered twice. Thread-safe; its content lives as long as the instance (not across a JVM restart).
 */
public class BoundedMemoryStateRepository extends ServiceSupport implements StateRepository<String, String> {

    /** The default capacity: far more items than change between two reconciliation polls on Velaro's budget. */
    public static final int DEFAULT_CAPACITY = 10_000;

    private final int capacity;
    private final Map<String, String> entries;

    public BoundedMemoryStateRepository() {
        this(DEFAULT_CAPACITY);
    }

    /** @param capacity the most entries kept (1 or more) */
    public BoundedMemoryStateRepository(int capacity) {
        if (capacity < 1) {
            throw new IllegalArgumentException("capacity must be 1 or more, was " + capacity);
        }
        this.capacity = capacity;
        this.entries = new LinkedHashMap<>(16, 0.75f, true) {
            private static final long serialVersionUID = 1L;

            @Override
            protected boolean removeEldestEntry(Map.Entry<String, String> eldest) {
                return size() > BoundedMemoryStateRepository.this.capacity;
            }
        };
    }

    @Override
    public synchronized void setState(String key, String value) {
        if (value == null) {
            entries.remove(key);
        } else {
            entries.put(key, value);
        }
    }

    @Override
    public synchronized String getState(String key) {
        return entries.get(key);
    }

    /** How many entries it holds now. */
    public synchronized int size() {
        return entries.size();
    }

    public int getCapacity() {
        return capacity;
    }

    @Override
    public String toString() {
        return "BoundedMemoryStateRepository[capacity=" + capacity + "]";
    }
}
