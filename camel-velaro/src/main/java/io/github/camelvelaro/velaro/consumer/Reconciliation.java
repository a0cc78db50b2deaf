package io.github.camelvelaro.velaro.consumer;

import java.time.Instant;
import java.util.concurrent.atomic.AtomicLong;

import io.github.camelvelaro.velaro.VelaroResource;
import io.github.camelvelaro.velaro.reconcile.DeliveredVersions;
import io.github.camelvelaro.velaro.reconcile.ItemVersion;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A poller's side of its {@code reconcileGroup}: a listed version the group's routes received already (from the
 * webhook consumer, or before a route restart) is skipped, one the poller delivers is recorded, and each poll says
 * what reconciliation found. Without a group nothing is skipped or recorded.
 */
final class Reconciliation {

    private static final Logger LOG = LoggerFactory.getLogger(Reconciliation.class);

    /**
     * What a reconciling poller did since it started.
     *
     * @param group     the {@code reconcileGroup}
     * @param delivered versions it delivered because the group had not received them (the webhooks missed them, or
     *                  they had not arrived yet)
     * @param skipped   versions it listed but did not deliver: the group had received them, or a newer version
     */
    record Counts(String group, long delivered, long skipped) {
    }

    private final DeliveredVersions versions;
    private final VelaroResource resource;
    private final String poller;
    private final String noun;
    private final AtomicLong delivered = new AtomicLong();
    private final AtomicLong skipped = new AtomicLong();
    /** The counts when the current poll started; the poll thread's only. */
    private long deliveredBefore;
    private long skippedBefore;

    Reconciliation(DeliveredVersions versions, VelaroResource resource, String poller, String noun) {
        this.versions = versions;
        this.resource = resource;
        this.poller = poller;
        this.noun = noun;
    }

    /** Whether the group received this version (or a newer one): then it is skipped, and counted. */
    boolean receivedAlready(String id, Instant updatedAt) {
        if (!versions.isEnabled() || !versions.isDelivered(new ItemVersion(resource, id, updatedAt))) {
            return false;
        }
        skipped.incrementAndGet();
        return true;
    }

    /** The route completed with this version: the group has it now. */
    void delivered(String id, Instant updatedAt) {
        if (versions.isEnabled()) {
            versions.record(new ItemVersion(resource, id, updatedAt));
            delivered.incrementAndGet();
        }
    }

    /**
     * Logs what a poll found, and starts counting the next one: at INFO when it delivered versions the group had not
     * received (each one a webhook that did not arrive, or not yet), else at DEBUG.
     *
     * @param requests the requests the poll sent
     */
    void pollEnded(long requests) {
        if (!versions.isEnabled()) {
            return;
        }
        long found = delivered.get() - deliveredBefore;
        long known = skipped.get() - skippedBefore;
        deliveredBefore += found;
        skippedBefore += known;
        if (found > 0) {
            LOG.info("{} (reconcileGroup {}) delivered {} {} version(s) the group had not received and skipped {} it "
                     + "had, with {} request(s)", poller, versions.group(), found, noun, known, requests);
        } else {
            LOG.debug("{} (reconcileGroup {}) found nothing missing: {} {} version(s) listed were received already; {} "
                      + "request(s)", poller, versions.group(), known, noun, requests);
        }
    }

    /** The counts, or null without a group. */
    Counts counts() {
        return versions.isEnabled() ? new Counts(versions.group(), delivered.get(), skipped.get()) : null;
    }
}
