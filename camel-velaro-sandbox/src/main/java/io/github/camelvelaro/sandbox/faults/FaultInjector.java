package io.github.camelvelaro.sandbox.faults;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import java.util.Random;

/**
 * Armed failures, consumed by the requests they match in the order they were armed:
 * <pre>
 * faults.next(2).status(503);                               // the next two requests
 * faults.next(1).method("POST").path("/contacts").loseResponse();
 * faults.afterPage("/conversations", 1, () -&gt; store.addMessage(id, ...)); // an item changes while a client pages
 * faults.dropWebhookDeliveries(20, seed);                  // a fifth of webhook deliveries never arrive
 * </pre>
 * Thread-safe.
 */
public final class FaultInjector {

    private final List<FaultRule> rules = new ArrayList<>();
    private final List<PageEdit> pageEdits = new ArrayList<>();
    private int webhookLossPercent;
    private Random webhookLoss;

    /** The next {@code times} matching requests will fail as the returned builder says. */
    public FaultRuleBuilder next(int times) {
        if (times < 1) {
            throw new IllegalArgumentException("times must be 1 or more, was " + times);
        }
        return new FaultRuleBuilder(this, times);
    }

    /** The next matching request will fail as the returned builder says. */
    public FaultRuleBuilder nextRequest() {
        return next(1);
    }

    /**
     * Runs {@code edit} once, right after page {@code page} of a {@code GET} on {@code path} (e.g.
     * {@code /conversations}) has been computed and before it is sent, so the client's request for the next page
     * already sees the change. This is how an item moves between pages while a client walks them.
     */
    public synchronized void afterPage(String path, int page, Runnable edit) {
        if (page < 1) {
            throw new IllegalArgumentException("page must be 1 or more, was " + page);
        }
        pageEdits.add(new PageEdit(path, page, edit));
    }

    /**
     * From now on, each webhook delivery (event or transcript, to each URL) is lost for good with a probability of
     * {@code percent} in 100: it is never sent and never retried, as when Velaro gave up on an endpoint that was down
     * for longer than its retries, or when a URL is misconfigured. The losses are drawn from {@code seed}, so a test
     * replays the same ones for the same deliveries; {@code 0} stops losing deliveries. A lost delivery is listed by
     * {@code webhooks().lost()}.
     */
    public synchronized void dropWebhookDeliveries(int percent, long seed) {
        if (percent < 0 || percent > 100) {
            throw new IllegalArgumentException("percent must be 0 to 100, was " + percent);
        }
        webhookLossPercent = percent;
        webhookLoss = percent == 0 ? null : new Random(seed);
    }

    /** Whether the next webhook delivery is lost for good; the dispatcher asks once per delivery. */
    public synchronized boolean losesWebhookDelivery() {
        return webhookLoss != null && webhookLoss.nextInt(100) < webhookLossPercent;
    }

    /** Forgets every armed fault and page edit, and stops losing webhook deliveries. */
    public synchronized void clear() {
        rules.clear();
        pageEdits.clear();
        webhookLossPercent = 0;
        webhookLoss = null;
    }

    /** How many faulty requests are still armed. */
    public synchronized int pending() {
        return rules.stream().mapToInt(FaultRule::remaining).sum() + pageEdits.size();
    }

    synchronized void add(FaultRule rule) {
        rules.add(rule);
    }

    /** Takes the fault for this request, if one is armed for it. */
    public synchronized Optional<Fault> take(String method, String path) {
        for (Iterator<FaultRule> it = rules.iterator(); it.hasNext();) {
            FaultRule rule = it.next();
            if (rule.matches(method, path)) {
                Fault fault = rule.take();
                if (rule.spent()) {
                    it.remove();
                }
                return Optional.of(fault);
            }
        }
        return Optional.empty();
    }

    /** Takes the edit armed for this page of this list, if any. */
    public synchronized Optional<Runnable> takePageEdit(String method, String path, int page) {
        if (!"GET".equalsIgnoreCase(method)) {
            return Optional.empty();
        }
        for (Iterator<PageEdit> it = pageEdits.iterator(); it.hasNext();) {
            PageEdit edit = it.next();
            if (edit.path().equals(path) && edit.page() == page) {
                it.remove();
                return Optional.of(edit.edit());
            }
        }
        return Optional.empty();
    }

    private record PageEdit(String path, int page, Runnable edit) {
    }
}
