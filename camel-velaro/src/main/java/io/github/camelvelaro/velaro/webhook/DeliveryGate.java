package io.github.camelvelaro.velaro.webhook;

import org.apache.camel.spi.IdempotentRepository;

/**
 * Lets each delivery key through once, and acknowledges a redelivery without passing it on only when the key's
 * delivery completed, wherever it ran.
 * <p>
 * Two repositories, both possibly shared by several nodes: {@code completed} holds the keys whose route succeeded
 * (added only then), {@code claims} the keys being processed right now ({@code add} claims, {@code remove} releases;
 * it should expire claims, so that a node that died mid-route cannot block a key for ever). A key claimed elsewhere is
 * {@link Admission#IN_PROGRESS}, answered non-2xx so that Velaro redelivers it: acknowledging it would lose the event
 * if that other delivery then failed.
 */
final class DeliveryGate {

    enum Admission {
        /** Claimed here: pass it on, then call {@link #accepted} or {@link #failed}. */
        ADMITTED,
        /** Its delivery completed: acknowledge, do not pass on. */
        DUPLICATE,
        /** Being processed by another delivery, on this node or another: answer non-2xx so it is redelivered. */
        IN_PROGRESS
    }

    private final IdempotentRepository completed;
    private final IdempotentRepository claims;

    DeliveryGate(IdempotentRepository completed, IdempotentRepository claims) {
        this.completed = completed;
        this.claims = claims;
    }

    /**
     * Decides what to do with a delivery of {@code key}.
     *
     * @throws RuntimeException when a repository fails (then nothing is held)
     */
    Admission admit(String key) {
        if (completed.contains(key)) {
            return Admission.DUPLICATE;
        }
        if (!claim(key)) {
            return Admission.IN_PROGRESS;
        }
        try {
            // a delivery elsewhere may have completed (and released its claim) since the first check
            if (completed.contains(key)) {
                claims.remove(key);
                return Admission.DUPLICATE;
            }
        } catch (RuntimeException e) {
            release(key, e);
            throw e;
        }
        return Admission.ADMITTED;
    }

    private boolean claim(String key) {
        try {
            return claims.add(key);
        } catch (RuntimeException e) {
            // a shared store whose add is check-then-insert (camel-sql's JDBC repositories) fails on the primary key
            // when another node inserted the same key in between: that is a claim held elsewhere, not an outage
            boolean heldElsewhere;
            try {
                heldElsewhere = claims.contains(key);
            } catch (RuntimeException again) {
                e.addSuppressed(again);
                throw e;
            }
            if (heldElsewhere) {
                return false;
            }
            throw e;
        }
    }

    /**
     * The route succeeded: record the key as completed, then release the claim (in this order, so another node never
     * finds the key neither claimed nor completed).
     *
     * @throws RuntimeException when the completed repository failed (the claim is released all the same)
     */
    void accepted(String key) {
        try {
            completed.add(key);
            completed.confirm(key);
        } finally {
            claims.remove(key);
        }
    }

    /** The route failed: release the claim so that Velaro's redelivery is processed. */
    void failed(String key) {
        claims.remove(key);
    }

    private void release(String key, RuntimeException cause) {
        try {
            claims.remove(key);
        } catch (RuntimeException e) {
            cause.addSuppressed(e);
        }
    }
}
