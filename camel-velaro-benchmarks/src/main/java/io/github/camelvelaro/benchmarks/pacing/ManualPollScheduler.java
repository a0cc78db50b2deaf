package io.github.camelvelaro.benchmarks.pacing;

import org.apache.camel.CamelContext;
import org.apache.camel.Consumer;
import org.apache.camel.spi.ScheduledPollConsumerScheduler;
import org.apache.camel.support.service.ServiceSupport;

/**
 * A poll scheduler that runs the consumer's task only when the harness says so ({@code scheduler=#name}), on the
 * harness's thread: each {@link #runOnce()} is one run Camel's own scheduler would have made after {@code delay}.
 */
public final class ManualPollScheduler extends ServiceSupport implements ScheduledPollConsumerScheduler {

    private CamelContext camelContext;
    private volatile Runnable task;
    private volatile boolean started;

    @Override
    public void onInit(Consumer consumer) {
        // nothing to prepare
    }

    @Override
    public void scheduleTask(Runnable task) {
        this.task = task;
    }

    @Override
    public void unscheduleTask() {
        task = null;
    }

    @Override
    public void startScheduler() {
        started = true;
    }

    @Override
    public boolean isSchedulerStarted() {
        return started;
    }

    /** One run of the consumer's scheduled task. */
    public void runOnce() {
        task.run();
    }

    @Override
    public void setCamelContext(CamelContext camelContext) {
        this.camelContext = camelContext;
    }

    @Override
    public CamelContext getCamelContext() {
        return camelContext;
    }
}
