package io.github.camelvelaro.sandbox.webhooks;

import java.net.URI;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.BooleanSupplier;

import io.github.camelvelaro.sandbox.store.ChangeListener;
import io.github.camelvelaro.sandbox.store.ChangeType;
import io.github.camelvelaro.sandbox.store.Ids;
import io.github.camelvelaro.velaro.model.Transcript;
import io.github.camelvelaro.velaro.model.VelaroEvent;
import io.github.camelvelaro.velaro.model.VelaroJson;

/**
 * Settings → Webhooks and Transcript Storage: the URLs registered for events and for transcripts, the signing
 * secret, and the events the site produced. Every change the store announces becomes a {@link VelaroEvent} POSTed to
 * each events URL, signed (Standard Webhooks); every conversation that ends sends its {@link Transcript} to each
 * transcripts URL, unsigned unless asked (Velaro documents no signature for transcripts). Thread-safe.
 */
public final class Webhooks implements ChangeListener, AutoCloseable {

    static final String EVENT_ID_PREFIX = "evt_";
    static final String TRANSCRIPT_ID_PREFIX = "trd_";
    /** Kept for assertions; the oldest are forgotten beyond this. */
    static final int MAX_EVENTS_KEPT = 10_000;

    private final Clock clock;
    private final Ids ids;
    private final SecureRandom random = new SecureRandom();
    private final List<URI> eventUrls = new CopyOnWriteArrayList<>();
    private final List<TranscriptUrl> transcriptUrls = new CopyOnWriteArrayList<>();
    private final List<VelaroEvent> events = new ArrayList<>();
    private final WebhookDispatcher dispatcher;
    private volatile List<WebhookSecret> secrets;

    private record TranscriptUrl(URI url, boolean signed) {
    }

    public Webhooks(Clock clock, Ids ids, RetryPolicy policy) {
        this(clock, ids, policy, () -> false);
    }

    /** @param losesDelivery asked once per delivery: true to lose it for good (the sandbox's fault injection) */
    public Webhooks(Clock clock, Ids ids, RetryPolicy policy, BooleanSupplier losesDelivery) {
        this.clock = clock;
        this.ids = ids;
        this.secrets = List.of(WebhookSecret.generate(random));
        this.dispatcher = new WebhookDispatcher(clock, () -> secrets, policy, losesDelivery);
    }

    /** Events (every {@code conversation.*} and {@code contact.*} change) will be POSTed here. */
    public void registerWebhook(URI url) {
        eventUrls.add(Objects.requireNonNull(url, "url"));
    }

    /** Transcripts of ended conversations will be POSTed here, unsigned, as Velaro documents them. */
    public void registerTranscriptWebhook(URI url) {
        registerTranscriptWebhook(url, false);
    }

    /** Transcripts of ended conversations will be POSTed here, signed like events when {@code signed}. */
    public void registerTranscriptWebhook(URI url, boolean signed) {
        transcriptUrls.add(new TranscriptUrl(Objects.requireNonNull(url, "url"), signed));
    }

    /** The current signing secret, {@code whsec_…}, to configure a receiver with. */
    public String secret() {
        List<WebhookSecret> current = secrets;
        return current.get(current.size() - 1).value();
    }

    /**
     * Starts a secret rotation: deliveries are signed with the old and the new secret (two {@code v1,} signatures)
     * until {@link #finishSecretRotation()}.
     *
     * @return the new secret
     */
    public synchronized String rotateSecret() {
        WebhookSecret fresh = WebhookSecret.generate(random);
        List<WebhookSecret> both = new ArrayList<>(secrets.subList(secrets.size() - 1, secrets.size()));
        both.add(fresh);
        secrets = List.copyOf(both);
        return fresh.value();
    }

    /** Ends a rotation: only the newest secret signs from now on. */
    public synchronized void finishSecretRotation() {
        secrets = List.of(secrets.get(secrets.size() - 1));
    }

    /** Uses a given secret (e.g. one a receiver is already configured with), ending any rotation. */
    public void useSecret(String whsec) {
        secrets = List.of(WebhookSecret.parse(whsec));
    }

    @Override
    public void changed(ChangeType type, Object data) {
        VelaroEvent event = new VelaroEvent();
        event.setId(ids.next(EVENT_ID_PREFIX));
        event.setType(type.eventType());
        event.setCreatedAt(clock.instant());
        event.setData(data);
        keep(event);
        byte[] body = VelaroJson.toJsonBytes(event);
        for (URI url : eventUrls) {
            dispatcher.submit(new Delivery(event.getId(), "event", event.getType(), url, body, true));
        }
    }

    @Override
    public void ended(Transcript transcript) {
        if (transcriptUrls.isEmpty()) {
            return;
        }
        String id = ids.next(TRANSCRIPT_ID_PREFIX);
        byte[] body = VelaroJson.toJsonBytes(transcript);
        for (TranscriptUrl target : transcriptUrls) {
            dispatcher.submit(new Delivery(id, "transcript", "transcript", target.url(), body, target.signed()));
        }
    }

    private synchronized void keep(VelaroEvent event) {
        if (events.size() == MAX_EVENTS_KEPT) {
            events.remove(0);
        }
        events.add(event);
    }

    /** Every event the site produced (delivered or not), oldest first. */
    public synchronized List<VelaroEvent> events() {
        return List.copyOf(events);
    }

    /** Every delivery attempt, oldest first. */
    public List<DeliveryAttempt> attempts() {
        return dispatcher.attempts();
    }

    /**
     * The ids (event ids, or transcript delivery ids) of the deliveries lost for good by
     * {@code faults().dropWebhookDeliveries(...)}: never sent, never retried. Oldest first.
     */
    public List<String> lost() {
        return dispatcher.lost();
    }

    /** Deliveries not yet acknowledged or given up. */
    public int pending() {
        return dispatcher.pending();
    }

    /** Waits until nothing is left to deliver; false when the timeout came first. */
    public boolean awaitIdle(Duration timeout) throws InterruptedException {
        return dispatcher.awaitIdle(timeout);
    }

    public void setRetryPolicy(RetryPolicy policy) {
        dispatcher.setPolicy(Objects.requireNonNull(policy, "policy"));
    }

    /** Forgets the registered URLs, the events, the attempts and the lost deliveries (the secret stays). */
    public synchronized void clear() {
        eventUrls.clear();
        transcriptUrls.clear();
        events.clear();
        dispatcher.clearAttempts();
    }

    /** Starts delivering. */
    public void start() {
        dispatcher.start();
    }

    /** Stops delivering; what was not delivered yet is dropped. */
    @Override
    public void close() {
        dispatcher.close();
    }
}
