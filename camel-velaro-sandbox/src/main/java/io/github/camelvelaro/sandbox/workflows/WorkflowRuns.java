package io.github.camelvelaro.sandbox.workflows;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import io.github.camelvelaro.sandbox.store.Ids;

/**
 * The runs started through trigger URLs, oldest first, for assertions; a test that triggers a workflow from another
 * thread (a route, a poller) waits for them with {@link #await(int, Duration)}. Thread-safe.
 */
public final class WorkflowRuns {

    private final Clock clock;
    private final Ids ids;
    private final List<WorkflowRun> runs = new ArrayList<>();

    public WorkflowRuns(Clock clock, Ids ids) {
        this.clock = clock;
        this.ids = ids;
    }

    /** Records a new run of {@code workflow} with this (parsed JSON) body, received now on the sandbox clock. */
    public synchronized WorkflowRun start(String workflow, Object body) {
        WorkflowRun run = new WorkflowRun(workflow, ids.next("run_"), body, clock.instant());
        runs.add(run);
        notifyAll();
        return run;
    }

    /** Every run so far, oldest first. */
    public synchronized List<WorkflowRun> list() {
        return List.copyOf(runs);
    }

    /**
     * Waits until at least {@code count} runs were recorded or {@code timeout} has passed (wall clock: it waits for
     * other threads, not for simulated time), and returns the runs then recorded: fewer than {@code count} when the
     * time ran out, so that an assertion on the result shows what did arrive.
     */
    public synchronized List<WorkflowRun> await(int count, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        long left;
        while (runs.size() < count && (left = deadline - System.nanoTime()) > 0) {
            wait(Math.max(1, Duration.ofNanos(left).toMillis()));
        }
        return List.copyOf(runs);
    }

    /** Forgets every run (the trigger URLs stay). */
    public synchronized void clear() {
        runs.clear();
    }
}
