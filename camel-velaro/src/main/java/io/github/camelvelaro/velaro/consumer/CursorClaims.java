package io.github.camelvelaro.velaro.consumer;

import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.Map;

import org.apache.camel.CamelContext;
import org.apache.camel.ExtendedCamelContext;
import org.apache.camel.spi.StateRepository;

/**
 * Which running poller of a CamelContext holds which cursor: two pollers writing one key of one repository would
 * overwrite each other's position, and after a restart one would resume from the other's and skip items. The second
 * one is refused at start, naming both routes; a poller gives its claim up when it stops.
 * <p>
 * Kept as a plugin of the CamelContext, so it lives and goes with it. Pollers of different CamelContexts are not
 * compared: under {@code master:} the nodes share one cursor on purpose, one after the other.
 */
final class CursorClaims {

    private record Holder(Object poller, String routeId) {
    }

    private static final Object CREATING = new Object();

    /** Repository instance (by identity) to cursor key to the poller holding it. */
    private final Map<StateRepository<?, ?>, Map<String, Holder>> claims = new IdentityHashMap<>();

    static CursorClaims of(CamelContext context) {
        ExtendedCamelContext extension = context.getCamelContextExtension();
        synchronized (CREATING) {
            CursorClaims claims = extension.getContextPlugin(CursorClaims.class);
            if (claims == null) {
                claims = new CursorClaims();
                extension.addContextPlugin(CursorClaims.class, claims);
            }
            return claims;
        }
    }

    /**
     * Claims a cursor for a poller.
     *
     * @throws IllegalStateException naming both routes when another poller holds it
     */
    synchronized void claim(StateRepository<?, ?> repository, String key, Object poller, String routeId) {
        Map<String, Holder> keys = claims.computeIfAbsent(repository, r -> new HashMap<>());
        Holder holder = keys.get(key);
        if (holder != null && holder.poller() != poller) {
            throw new IllegalStateException("Routes '" + holder.routeId() + "' and '" + routeId + "' would both keep their "
                                            + "offset under key " + key + " in the same offsetRepository, overwriting "
                                            + "each other's position, so route '" + routeId + "' does not start. Give "
                                            + "each poller an offset of its own: a different siteId when they poll "
                                            + "different Velaro sites, or a different offsetRepository when they poll "
                                            + "the same one");
        }
        keys.put(key, new Holder(poller, routeId));
    }

    /** Gives a claim up; does nothing when this poller does not hold it. */
    synchronized void release(StateRepository<?, ?> repository, String key, Object poller) {
        Map<String, Holder> keys = claims.get(repository);
        if (keys == null) {
            return;
        }
        Holder holder = keys.get(key);
        if (holder != null && holder.poller() == poller) {
            keys.remove(key);
        }
        if (keys.isEmpty()) {
            claims.remove(repository);
        }
    }
}
