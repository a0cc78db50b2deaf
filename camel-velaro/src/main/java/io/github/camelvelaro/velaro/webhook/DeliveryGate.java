package io.github.camelvelaro.velaro.webhook;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.apache.camel.spi.IdempotentRepository;

/**
 * Lets each delivery key through once: remembered in the {@link IdempotentRepository} when the route accepted it,
 * released when the route failed so that Velaro's redelivery is processed.
 * <p>
 * While a key is being processed a second delivery with the same key is not acknowledged as a duplicate: if the
 * first one then failed, that acknowledgement would make Velaro stop redelivering an event nobody processed. It is
 * told to come back later instead ({@link Admission#IN_PROGRESS}).
 */
final class DeliveryGate {

    enum Admission {
        /** First delivery of the key: pass it on, then call {@link #accepted} or {@link #failed}. */
        ADMITTED,
        /** Already passed on and accepted: acknowledge, do not pass on. */
        DUPLICATE,
        /** Being processed right now by another delivery: answer non-2xx so it is redelivered later. */
        IN_PROGRESS
    }

    private final IdempotentRepository repository;
    // only this JVM's in-flight keys; across nodes a shared repository's atomic add() is what decides
    private final Set<String> inFlight = ConcurrentHashMap.newKeySet();

    DeliveryGate(IdempotentRepository repository) {
        this.repository = repository;
    }

    Admission admit(String key) {
        if (!inFlight.add(key)) {
            return Admission.IN_PROGRESS;
        }
        boolean first;
        try {
            first = repository.add(key);
        } catch (RuntimeException e) {
            inFlight.remove(key);
            throw e;
        }
        if (!first) {
            inFlight.remove(key);
            return Admission.DUPLICATE;
        }
        return Admission.ADMITTED;
    }

    /** The route accepted the delivery: remember it for good. */
    void accepted(String key) {
        try {
            repository.confirm(key);
        } finally {
            inFlight.remove(key);
        }
    }

    /** The route failed: forget the key (before leaving in-flight, so a redelivery racing in is admitted). */
    void failed(String key) {
        try {
            repository.remove(key);
        } finally {
            inFlight.remove(key);
        }
    }

    IdempotentRepository repository() {
        return repository;
    }
}
