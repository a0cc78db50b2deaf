package io.github.camelvelaro.velaro.consumer;

import org.apache.camel.CamelContext;
import org.apache.camel.Consumer;
import org.apache.camel.spi.ScheduledPollConsumerScheduler;
import org.apache.camel.support.service.ServiceSupport;

/**
 * A poll scheduler that runs only when the test says so ({@code scheduler=#name} in the URI), on the test's thread:
 * every scheduled run, including those Camel's backoff skips, is one call to {@link #run(int)}.
 */
public final class ManualScheduler extends ServiceSupport implements ScheduledPollConsumerScheduler {

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

    /** Runs the consumer's scheduled task {@code times} times, one after the other. */
    public void run(int times) {
        for (int i = 0; i < times; i++) {
            task.run();
        }
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
