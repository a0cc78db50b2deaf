package io.github.camelvelaro.velaro.consumer;

import java.util.IdentityHashMap;
import java.util.Map;

import org.apache.camel.Service;
import org.apache.camel.StatefulService;
import org.apache.camel.spi.StateRepository;
import org.apache.camel.support.processor.state.MemoryStateRepository;
import org.apache.camel.support.service.ServiceHelper;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs a user's offset repository while at least one poller uses it: started with the first, stopped with the last.
 * <p>
 * Why: a {@code FileStateRepository} reads its file only when it starts. Nodes sharing the file under
 * {@code master:} must read it afresh when they take over, not serve what they read when they last led; stopping the
 * repository when its last poller stops (which writes out the state the leader holds) and starting it again at the
 * next takeover does exactly that. Counting users keeps one repository shared by several pollers of a node (e.g.
 * conversations and contacts) running until the last of them stops.
 * <p>
 * A repository that was already running when the first poller came is someone else's to manage and is left alone,
 * as is a {@link MemoryStateRepository}, which has nothing to reload and forgets everything when stopped.
 */
final class OffsetRepositoryLease {

    private static final Logger LOG = LoggerFactory.getLogger(OffsetRepositoryLease.class);

    /** Per repository instance: how many pollers use it and whether the lease started it. Guarded by itself. */
    private static final Map<StateRepository<?, ?>, Holders> LEASES = new IdentityHashMap<>();

    private record Holders(int count, boolean owned) {
    }

    private OffsetRepositoryLease() {
    }

    /** Called when a poller starts; starts the repository when it is the first user and nobody runs it yet. */
    static void acquire(StateRepository<?, ?> repository) throws Exception {
        synchronized (LEASES) {
            Holders holders = LEASES.get(repository);
            if (holders == null) {
                boolean owned = isManageable(repository) && !isRunning(repository);
                if (owned) {
                    LOG.debug("Starting offset repository {}", repository);
                    ServiceHelper.startService(repository);
                }
                holders = new Holders(0, owned);
            }
            LEASES.put(repository, new Holders(holders.count() + 1, holders.owned()));
        }
    }

    /** Called when a poller stops; stops the repository when the lease started it and this was its last user. */
    static void release(StateRepository<?, ?> repository) throws Exception {
        synchronized (LEASES) {
            Holders holders = LEASES.get(repository);
            if (holders == null) {
                return;
            }
            if (holders.count() > 1) {
                LEASES.put(repository, new Holders(holders.count() - 1, holders.owned()));
                return;
            }
            LEASES.remove(repository);
            if (holders.owned()) {
                LOG.debug("Stopping offset repository {}", repository);
                ServiceHelper.stopService(repository);
            }
        }
    }

    private static boolean isManageable(StateRepository<?, ?> repository) {
        return repository instanceof Service && !(repository instanceof MemoryStateRepository);
    }

    private static boolean isRunning(StateRepository<?, ?> repository) {
        return repository instanceof StatefulService s && (s.isStarted() || s.isStarting());
    }
}
