package io.github.camelvelaro.examples.console;

import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

/** Counts what the routes do; fed by {@link ExampleStatsNotifier}, read by the console summary. Thread-safe. */
public final class ExampleStats {

    /** Longest error line kept: a summary is a few lines, not a report. */
    static final int MAX_ERROR_LENGTH = 200;

    private final LongAdder conversationsPolled = new LongAdder();
    private final Map<String, LongAdder> eventsByType = new ConcurrentHashMap<>();
    private final LongAdder followedUpFromWebhook = new LongAdder();
    private final LongAdder followedUpFromPolling = new LongAdder();
    private final LongAdder contactsCreated = new LongAdder();
    private final LongAdder contactsUpdated = new LongAdder();
    private final LongAdder workflowsTriggered = new LongAdder();
    private final LongAdder errors = new LongAdder();
    private volatile String lastError;

    void conversationPolled() {
        conversationsPolled.increment();
    }

    void eventReceived(String type) {
        eventsByType.computeIfAbsent(type == null ? "(no type)" : type, t -> new LongAdder()).increment();
    }

    void followedUp(boolean fromWebhook) {
        (fromWebhook ? followedUpFromWebhook : followedUpFromPolling).increment();
    }

    void contactCreated() {
        contactsCreated.increment();
    }

    void contactUpdated() {
        contactsUpdated.increment();
    }

    void workflowTriggered() {
        workflowsTriggered.increment();
    }

    /** Records a failed exchange as one line: the route it failed in, the exception's class and first line. */
    void failed(String routeId, Throwable error) {
        errors.increment();
        String message = error.getMessage() == null ? "" : error.getMessage().lines().findFirst().orElse("");
        String line = routeId + ": " + error.getClass().getSimpleName() + (message.isEmpty() ? "" : ": " + message);
        lastError = line.length() > MAX_ERROR_LENGTH ? line.substring(0, MAX_ERROR_LENGTH - 1) + "…" : line;
    }

    public StatsSnapshot snapshot() {
        Map<String, Long> events = new TreeMap<>();
        eventsByType.forEach((type, count) -> events.put(type, count.sum()));
        return new StatsSnapshot(conversationsPolled.sum(), Collections.unmodifiableMap(events), followedUpFromWebhook.sum(),
                followedUpFromPolling.sum(), contactsCreated.sum(), contactsUpdated.sum(), workflowsTriggered.sum(),
                errors.sum(), lastError);
    }
}
