package io.github.camelvelaro.velaro.reconcile;

import java.time.Instant;
import java.time.format.DateTimeParseException;

import io.github.camelvelaro.velaro.VelaroResource;
import org.apache.camel.spi.StateRepository;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The newest version of each item that a route of one {@code reconcileGroup} received and completed, whichever
 * channel brought it: the webhook consumer and the pollers of the group consult it before routing a version, and
 * record it once the route completed.
 * <p>
 * A version is passed on when it is newer than the one remembered; an equal or older one is not (it, or a newer
 * state of the item, was received already). Only a completed route records, so a version is never taken for
 * received when it was not: what this store forgets, gets wrong or cannot reach costs a version delivered twice,
 * never one lost. That is why a repository failure is logged and treated as "not received" rather than thrown.
 * <p>
 * The entries live in a Camel {@link StateRepository}, under {@code velaro:<site>:<resource>:version:<group>:<id>}
 * with the ISO-8601 {@code updatedAt} as value, beside (never colliding with) the pollers' offsets. Recording is a
 * read, a comparison and a write, serialised per repository within this JVM; two nodes recording one item at once
 * may leave the older of their two versions, which again only costs a duplicate.
 */
public final class DeliveredVersions {

    /** For endpoints without {@code reconcileGroup}: nothing is skipped, nothing is remembered. */
    public static final DeliveredVersions NONE = new DeliveredVersions(null, null, null);

    private static final Logger LOG = LoggerFactory.getLogger(DeliveredVersions.class);

    private final StateRepository<String, String> repository;
    private final String site;
    private final String group;

    private DeliveredVersions(StateRepository<String, String> repository, String site, String group) {
        this.repository = repository;
        this.site = site;
        this.group = group;
    }

    /**
     * @param site  the validated {@code siteId} (or the default site), as the pollers key their offsets
     * @param group the validated {@code reconcileGroup}
     */
    public static DeliveredVersions of(StateRepository<String, String> repository, String site, String group) {
        if (repository == null || site == null || group == null) {
            throw new IllegalArgumentException("a reconcile group needs a repository, a site and a name");
        }
        return new DeliveredVersions(repository, site, group);
    }

    /** Whether this is a group's store, rather than {@link #NONE}. */
    public boolean isEnabled() {
        return repository != null;
    }

    /** The {@code reconcileGroup}, or null for {@link #NONE}. */
    public String group() {
        return group;
    }

    /** e.g. {@code velaro:default:conversations:version:crm:c_42}. */
    static String key(String site, String group, VelaroResource resource, String id) {
        return "velaro:" + site + ":" + resource.uriName() + ":version:" + group + ":" + id;
    }

    /**
     * Whether a route of the group completed with this version of the item, or a newer one.
     *
     * @return false for {@link #NONE}, for a null version, and when the repository fails (logged at WARN)
     */
    public boolean isDelivered(ItemVersion version) {
        if (repository == null || version == null) {
            return false;
        }
        Instant newest;
        try {
            newest = newest(version);
        } catch (RuntimeException e) {
            LOG.warn("reconcileRepository of group {} could not be read for {}; it is passed on (at worst a second "
                     + "time): {}", group, version, e.toString());
            return false;
        }
        return newest != null && !version.updatedAt().isAfter(newest);
    }

    /**
     * Remembers that a route of the group completed with this version, unless a newer one is remembered. Call it only
     * after the route completed. A repository failure is logged at WARN: the version may then be passed on again.
     */
    public void record(ItemVersion version) {
        if (repository == null || version == null) {
            return;
        }
        try {
            // one lock per repository instance: the webhook consumer and the pollers of a group hold different
            // DeliveredVersions over the same repository
            synchronized (repository) {
                Instant newest = newest(version);
                if (newest == null || version.updatedAt().isAfter(newest)) {
                    repository.setState(key(site, group, version.resource(), version.id()),
                            version.updatedAt().toString());
                }
            }
        } catch (RuntimeException e) {
            LOG.warn("reconcileRepository of group {} could not record {}; it may be passed on again: {}", group,
                    version, e.toString());
        }
    }

    private Instant newest(ItemVersion version) {
        String key = key(site, group, version.resource(), version.id());
        String stored = repository.getState(key);
        if (stored == null || stored.isBlank()) {
            return null;
        }
        try {
            return Instant.parse(stored.trim());
        } catch (DateTimeParseException e) {
            // not ours (or cut short): taken as nothing received, which can only repeat a version, never skip one
            LOG.warn("reconcileRepository holds a value under {} that is not an ISO-8601 instant; it is ignored", key);
            return null;
        }
    }

    @Override
    public String toString() {
        return repository == null ? "DeliveredVersions[none]" : "DeliveredVersions[" + site + ":" + group + "]";
    }
}
