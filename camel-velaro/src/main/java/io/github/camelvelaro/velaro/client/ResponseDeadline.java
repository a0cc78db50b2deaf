package io.github.camelvelaro.velaro.client;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/**
 * The time one attempt may take for its whole response ({@code readTimeout}): one budget from the moment the request
 * is sent to the last byte of the body. The transport's own timeout covers connecting and the headers; a body reader
 * {@linkplain #arm arms} the deadline for the rest and disarms it when the body ends. Transport-neutral.
 * <p>
 * Deadlines fire on one daemon thread for the JVM, started on first use and ended after 10 s with none pending, not
 * on the component's scheduler: a deadline must still fire while the component stops (a stopped scheduler drops its
 * pending tasks), and that scheduler has a bounded queue.
 */
final class ResponseDeadline {

    private static final ScheduledThreadPoolExecutor TIMER = timer();
    private static final Future<?> NOT_ARMED = CompletableFuture.completedFuture(null);

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
     * Runs {@code onExpiry} once the budget is spent (at once, on this thread, if it already is).
     *
     * @return cancel it to disarm the deadline
     */
    Future<?> arm(Runnable onExpiry) {
        long left = remainingNanos();
        if (left <= 0) {
            onExpiry.run();
            return NOT_ARMED;
        }
        return TIMER.schedule(onExpiry, left, TimeUnit.NANOSECONDS);
    }

    private static ScheduledThreadPoolExecutor timer() {
        ScheduledThreadPoolExecutor timer = new ScheduledThreadPoolExecutor(1, task -> {
            Thread thread = new Thread(task, "VelaroResponseDeadline");
            thread.setDaemon(true);
            return thread;
        });
        timer.setRemoveOnCancelPolicy(true); // most deadlines are disarmed: do not keep them queued until due
        timer.setKeepAliveTime(10, TimeUnit.SECONDS);
        timer.allowCoreThreadTimeOut(true); // the thread stays while a deadline is pending, ends when idle
        return timer;
    }
}
