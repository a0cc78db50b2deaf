package io.github.camelvelaro.velaro.consumer;

import java.util.concurrent.ScheduledExecutorService;
import java.util.function.IntSupplier;

import org.apache.camel.CamelContext;
import org.apache.camel.builder.ThreadPoolProfileBuilder;
import org.apache.camel.spi.ThreadPoolProfile;

/**
 * The one scheduler the pollers of a component share, made by Camel's {@code ExecutorServiceManager} on first use and
 * shut down with the component. A poll never waits for Velaro on it (see {@code KeysetPager}), so a few threads run
 * a thousand pollers on time.
 */
public final class SharedPollerScheduler {

    /** The thread pool's name, and the name of a Camel thread pool profile that overrides its size. */
    public static final String NAME = "VelaroPoller";

    private final Object owner;
    private final IntSupplier threads;
    private ScheduledExecutorService executor;
    private CamelContext context;

    /**
     * @param owner   the component, as the pool's source for Camel's management
     * @param threads the pool size, read on first use; 0 or less for none (each poller gets Camel's own scheduler)
     */
    public SharedPollerScheduler(Object owner, IntSupplier threads) {
        this.owner = owner;
        this.threads = threads;
    }

    /** The shared scheduler, or null when the component gives each poller its own. */
    synchronized ScheduledExecutorService get(CamelContext camelContext) {
        int size = threads.getAsInt();
        if (size <= 0) {
            return null;
        }
        if (executor == null) {
            ThreadPoolProfile profile = camelContext.getExecutorServiceManager().getThreadPoolProfile(NAME);
            if (profile == null) {
                // one task per poller: Camel's default queue bound (1000) would refuse the 1001st poller
                profile = new ThreadPoolProfileBuilder(NAME).poolSize(size).maxPoolSize(size).maxQueueSize(-1).build();
            }
            executor = camelContext.getExecutorServiceManager().newScheduledThreadPool(owner, NAME, profile);
            context = camelContext;
        }
        return executor;
    }

    /** Stops the pool, if one was made; a later poller makes a new one. */
    public synchronized void shutdown() {
        if (executor != null) {
            context.getExecutorServiceManager().shutdownNow(executor);
            executor = null;
            context = null;
        }
    }
}
