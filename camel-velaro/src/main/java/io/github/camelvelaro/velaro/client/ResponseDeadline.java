package io.github.camelvelaro.velaro.client;

import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The time one attempt may take for its whole response ({@code readTimeout}): one budget from the moment the request
 * is sent to the last byte of the body. The client {@linkplain #arm arms} it as it sends, and disarms it when the body
 * has ended; when it fires, the exchange is aborted. Transport-neutral.
 * <p>
 * Armed deadlines sit in one set for the JVM, and one sweep every {@value #SWEEP_MILLIS} ms, on a daemon thread
 * that runs only while some deadline is armed, ends those that are due: arming and disarming cost a set insertion
 * and removal, where a timer task per response would wake the timer thread on every request. So a deadline fires
 * up to {@value #SWEEP_MILLIS} ms late. The thread is not the component's scheduler: a deadline must still fire
 * while the component stops (a stopped scheduler drops its pending tasks).
 */
final class ResponseDeadline {

    static final long SWEEP_MILLIS = 100;

    private static final Logger LOG = LoggerFactory.getLogger(ResponseDeadline.class);
    private static final Set<Armed> ARMED = ConcurrentHashMap.newKeySet();
    private static final AtomicBoolean SWEEPING = new AtomicBoolean();
    private static final ScheduledThreadPoolExecutor SWEEPER = sweeper();
    private static final Runnable NOT_ARMED = () -> { };

    private final long startNanos;
    private final Duration budget;

    private ResponseDeadline(long startNanos, Duration budget) {
        this.startNanos = startNanos;
        this.budget = budget;
    }

    /** A deadline {@code budget} from now; call it just before sending. */
    static ResponseDeadline start(Duration budget) {
        return new ResponseDeadline(System.nanoTime(), budget);
    }

    Duration budget() {
        return budget;
    }

    /** Nanoseconds left, 0 or less once the budget is spent. */
    long remainingNanos() {
        return budget.toNanos() - (System.nanoTime() - startNanos);
    }

    /**
     * Runs {@code onExpiry} once the budget is spent (at once, on this thread, if it already is), unless disarmed
     * first.
     *
     * @return what disarms it
     */
    Runnable arm(Runnable onExpiry) {
        if (remainingNanos() <= 0) {
            onExpiry.run();
            return NOT_ARMED;
        }
        Armed armed = new Armed(startNanos + budget.toNanos(), onExpiry);
        ARMED.add(armed);
        startSweeping();
        return armed;
    }

    /** One armed deadline; running it disarms it. */
    private record Armed(long dueNanos, Runnable onExpiry) implements Runnable {

        @Override
        public void run() {
            ARMED.remove(this);
        }

        @Override
        public boolean equals(Object o) {
            return this == o; // identity: two bodies may share a due time
        }

        @Override
        public int hashCode() {
            return System.identityHashCode(this);
        }
    }

    private static void startSweeping() {
        if (SWEEPING.compareAndSet(false, true)) {
            SWEEPER.schedule(ResponseDeadline::sweep, SWEEP_MILLIS, TimeUnit.MILLISECONDS);
        }
    }

    private static void sweep() {
        long now = System.nanoTime();
        for (Armed armed : ARMED) {
            if (now - armed.dueNanos() >= 0 && ARMED.remove(armed)) {
                try {
                    armed.onExpiry().run();
                } catch (RuntimeException e) {
                    LOG.warn("A response deadline failed to end its response", e);
                }
            }
        }
        SWEEPING.set(false);
        if (!ARMED.isEmpty()) {
            startSweeping(); // also covers a deadline armed while this sweep was ending
        }
    }

    private static ScheduledThreadPoolExecutor sweeper() {
        ScheduledThreadPoolExecutor sweeper = new ScheduledThreadPoolExecutor(1, task -> {
            Thread thread = new Thread(task, "VelaroResponseDeadline");
            thread.setDaemon(true);
            return thread;
        });
        sweeper.setKeepAliveTime(10, TimeUnit.SECONDS);
        sweeper.allowCoreThreadTimeOut(true); // the thread stays while a sweep is pending, ends when idle
        return sweeper;
    }
}
