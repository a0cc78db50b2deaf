package io.github.camelvelaro.sandbox.webhooks;

import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

/**
 * POSTs deliveries, one at a time in the order they were queued (so a receiver sees {@code conversation.created}
 * before {@code conversation.resolved}), and redelivers each one that is not acknowledged with a 2xx (or not answered
 * in time) after the {@link RetryPolicy}'s backoff, with the same id and body and a fresh timestamp and signature.
 * <p>
 * Backoff waits are wall-clock time (a frozen sandbox clock must not stall deliveries); the
 * {@code webhook-timestamp} is sandbox-clock time, like everything else Velaro would stamp.
 */
public final class WebhookDispatcher implements AutoCloseable {

    private static final System.Logger LOG = System.getLogger(WebhookDispatcher.class.getName());
    /** Kept for assertions; the oldest are forgotten beyond this. */
    static final int MAX_ATTEMPTS_KEPT = 10_000;

    private final Clock clock;
    private final Supplier<List<WebhookSecret>> secrets;
    // created on the first delivery: building a JDK HttpClient loads the TLS stack, which would cost a sandbox that
    // never sends a webhook a noticeable part of its start-up
    private HttpClient http;
    // null while the sandbox is stopped: deliveries are then dropped (a stopped Velaro sends nothing)
    private ScheduledExecutorService executor;
    private final AtomicInteger pending = new AtomicInteger();
    private final List<DeliveryAttempt> attempts = new ArrayList<>();
    private final List<String> lost = new ArrayList<>();
    private final BooleanSupplier losesDelivery;
    private volatile RetryPolicy policy;

    /**
     * @param clock         the sandbox clock, for {@code webhook-timestamp}
     * @param secrets       the secrets to sign with (several during a rotation)
     * @param losesDelivery asked once per delivery: true to lose it for good (fault injection)
     */
    public WebhookDispatcher(Clock clock, Supplier<List<WebhookSecret>> secrets, RetryPolicy policy,
                             BooleanSupplier losesDelivery) {
        this.clock = clock;
        this.secrets = secrets;
        this.policy = policy;
        this.losesDelivery = losesDelivery;
    }

    /** Starts delivering; deliveries submitted before are dropped. */
    public synchronized void start() {
        if (executor == null) {
            executor = Executors.newSingleThreadScheduledExecutor(runnable -> {
                Thread thread = new Thread(runnable, "velaro-sandbox-webhooks");
                thread.setDaemon(true);
                return thread;
            });
        }
    }

    public void setPolicy(RetryPolicy policy) {
        this.policy = policy;
    }

    /** Queues the first attempt, unless fault injection loses the delivery for good. */
    void submit(Delivery delivery) {
        if (losesDelivery.getAsBoolean()) {
            LOG.log(System.Logger.Level.DEBUG, "Lost {0} {1} to {2} for good (fault injection)", delivery.kind(),
                    delivery.id(), delivery.url());
            recordLost(delivery.id());
            return;
        }
        pending.incrementAndGet();
        schedule(delivery, 1, Duration.ZERO);
    }

    private synchronized void schedule(Delivery delivery, int attempt, Duration delay) {
        if (executor == null) {
            done();
            return;
        }
        try {
            executor.schedule(() -> attempt(delivery, attempt), delay.toMillis(), TimeUnit.MILLISECONDS);
        } catch (RejectedExecutionException stopped) {
            done();
        }
    }

    private void attempt(Delivery delivery, int attempt) {
        Instant sentAt = clock.instant();
        long timestamp = delivery.signed() ? sentAt.getEpochSecond() : 0;
        int status = post(delivery, timestamp);
        record(new DeliveryAttempt(delivery.id(), delivery.kind(), delivery.type(), delivery.url(), attempt, timestamp,
                status, sentAt));
        RetryPolicy current = policy;
        if (status >= 200 && status <= 299) {
            done();
        } else if (attempt >= current.maxAttempts()) {
            LOG.log(System.Logger.Level.INFO, "Giving up {0} {1} to {2} after {3} attempts", delivery.kind(),
                    delivery.id(), delivery.url(), attempt);
            done();
        } else {
            schedule(delivery, attempt + 1, current.delayAfter(attempt));
        }
    }

    /** The receiver's status, or 0 when it did not answer. */
    private int post(Delivery delivery, long timestamp) {
        HttpRequest.Builder request = HttpRequest.newBuilder(delivery.url())
                .timeout(policy.timeout())
                .header("Content-Type", "application/json")
                .header("User-Agent", "velaro-sandbox-webhooks")
                .POST(HttpRequest.BodyPublishers.ofByteArray(delivery.body()));
        if (delivery.signed()) {
            request.header(WebhookSigner.ID_HEADER, delivery.id())
                    .header(WebhookSigner.TIMESTAMP_HEADER, Long.toString(timestamp))
                    .header(WebhookSigner.SIGNATURE_HEADER,
                            WebhookSigner.signatureHeader(secrets.get(), delivery.id(), timestamp, delivery.body()));
        }
        try {
            return client().send(request.build(), HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (IOException e) {
            LOG.log(System.Logger.Level.DEBUG, "{0} {1} to {2} got no answer: {3}", delivery.kind(), delivery.id(),
                    delivery.url(), e.toString());
            return 0;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return 0;
        }
    }

    /** Only the delivery thread calls this. */
    private HttpClient client() {
        if (http == null) {
            http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(policy.timeout())
                    .build();
        }
        return http;
    }

    private synchronized void record(DeliveryAttempt attempt) {
        if (attempts.size() == MAX_ATTEMPTS_KEPT) {
            attempts.remove(0);
        }
        attempts.add(attempt);
    }

    private synchronized void recordLost(String id) {
        if (lost.size() == MAX_ATTEMPTS_KEPT) {
            lost.remove(0);
        }
        lost.add(id);
    }

    private synchronized void done() {
        pending.decrementAndGet();
        notifyAll();
    }

    /** Every attempt so far, oldest first. */
    public synchronized List<DeliveryAttempt> attempts() {
        return List.copyOf(attempts);
    }

    /** Deliveries not yet acknowledged or given up. */
    public int pending() {
        return pending.get();
    }

    /** Waits until every queued delivery was acknowledged or given up; false when the timeout came first. */
    public synchronized boolean awaitIdle(Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (pending.get() > 0) {
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                return false;
            }
            TimeUnit.NANOSECONDS.timedWait(this, left);
        }
        return true;
    }

    /** The ids of the deliveries fault injection lost for good (never sent), oldest first. */
    public synchronized List<String> lost() {
        return List.copyOf(lost);
    }

    public synchronized void clearAttempts() {
        attempts.clear();
        lost.clear();
    }

    /** Stops delivering: what is waiting for an attempt is dropped, an attempt under way is interrupted. */
    @Override
    public synchronized void close() {
        if (executor != null) {
            List<Runnable> dropped = executor.shutdownNow();
            executor = null;
            pending.addAndGet(-dropped.size());
            notifyAll();
        }
    }
}
