package io.github.camelvelaro.examples.console;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import io.github.camelvelaro.velaro.client.QuotaSnapshot;
import io.github.camelvelaro.velaro.metrics.BudgetDay;
import org.apache.camel.CamelContext;
import org.apache.camel.support.service.ServiceSupport;

/**
 * Prints the summary every period while the CamelContext runs, and a last one when it stops. Added to the context as a
 * service, so that it stops after the routes (the last summary has the final counts) and also on Ctrl+C.
 */
public final class ConsoleSummary extends ServiceSupport {

    private final CamelContext context;
    private final ExampleStats stats;
    private final QuotaProbe quota;
    private final SummaryFormatter formatter;
    private final ExampleConsole console;
    private final Duration every;
    private final Clock clock;
    private final Instant started;
    private volatile Optional<QuotaSnapshot> lastQuota = Optional.empty();
    private volatile Optional<BudgetDay> lastBudget = Optional.empty();
    private volatile StatsSnapshot lastPrinted;
    private ScheduledExecutorService scheduler;

    public ConsoleSummary(CamelContext context, ExampleStats stats, SummaryFormatter formatter, ExampleConsole console,
                          Duration every, Clock clock) {
        this.context = context;
        this.stats = stats;
        this.quota = new QuotaProbe(context);
        this.formatter = formatter;
        this.console = console;
        this.every = every;
        this.clock = clock;
        this.started = clock.instant();
    }

    @Override
    protected void doStart() {
        scheduler = context.getExecutorServiceManager().newSingleThreadScheduledExecutor(this, "VelaroExampleSummary");
        scheduler.scheduleAtFixedRate(() -> print("Velaro example"), every.toMillis(), every.toMillis(),
                TimeUnit.MILLISECONDS);
    }

    @Override
    protected void doStop() {
        if (scheduler != null) {
            context.getExecutorServiceManager().shutdownNow(scheduler);
            scheduler = null;
        }
        Instant now = clock.instant();
        if (stats.snapshot().equals(lastPrinted)) {
            // -Dduration a multiple of the period: the last summary was printed a moment ago
            console.print(formatter.heading("Velaro example stopped, as above", now, Duration.between(started, now)));
        } else {
            print("Velaro example stopped");
        }
    }

    /**
     * Reads the quota while the component still counts, for the last summary: the routes stop first, then this
     * service and the component.
     */
    public void beforeStop() {
        readQuota();
    }

    /** The block as it would be printed now. */
    public List<String> summary(String title) {
        return summary(title, stats.snapshot());
    }

    private List<String> summary(String title, StatsSnapshot snapshot) {
        readQuota();
        Instant now = clock.instant();
        List<String> lines = new ArrayList<>(formatter.format(title, snapshot, lastQuota, now,
                Duration.between(started, now)));
        lines.addAll(formatter.budget(lastBudget));
        return lines;
    }

    private void readQuota() {
        // once the component stops the quota can no longer be read: the last one read is shown
        Optional<QuotaSnapshot> current = quota.read();
        if (current.isPresent()) {
            lastQuota = current;
            Optional<BudgetDay> budget = quota.budget(current.get());
            if (budget.isPresent()) {
                lastBudget = budget;
            }
        }
    }

    private void print(String title) {
        try {
            StatsSnapshot snapshot = stats.snapshot();
            // one call per block, so that lines of other threads cannot land in the middle of it
            console.print(String.join(System.lineSeparator(), summary(title, snapshot)));
            lastPrinted = snapshot;
        } catch (RuntimeException e) {
            // a summary that cannot be printed must not stop the next one (a scheduled task that throws is cancelled)
            console.print("(summary not available: " + e.getMessage() + ")");
        }
    }
}
