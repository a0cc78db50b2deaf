package io.github.camelvelaro.velaro.webhook;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;

import io.github.camelvelaro.velaro.VelaroConfiguration;
import io.github.camelvelaro.velaro.VelaroResource;
import io.github.camelvelaro.velaro.metrics.VelaroMetrics;
import io.github.camelvelaro.velaro.reconcile.DeliveredVersions;
import org.apache.camel.CamelContext;
import org.apache.camel.Processor;
import org.apache.camel.component.webhook.WebhookConfiguration;
import org.apache.camel.spi.IdempotentRepository;
import org.apache.camel.support.AsyncProcessorConverterHelper;
import org.apache.camel.support.processor.idempotent.MemoryIdempotentRepository;
import org.apache.camel.support.service.ServiceHelper;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The webhook side of one {@code velaro:events} or {@code velaro:transcripts} endpoint: what the endpoint's
 * {@code WebhookCapableEndpoint} methods do. It outlives route restarts, so the default repositories of delivery ids
 * (completed, and in progress) do too.
 */
public final class VelaroWebhook {

    /** Entries the default in-memory repository of completed deliveries keeps (the most recent keys). */
    public static final int DEFAULT_REPOSITORY_SIZE = 1000;

    private static final Logger LOG = LoggerFactory.getLogger(VelaroWebhook.class);

    private final CamelContext context;
    private final VelaroResource resource;
    private final String uri;
    private final AtomicBoolean urlLogged = new AtomicBoolean();
    private volatile WebhookConfiguration webhookConfiguration;
    private IdempotentRepository defaultCompleted;
    private IdempotentRepository defaultClaims;

    public VelaroWebhook(CamelContext context, VelaroResource resource) {
        this.context = context;
        this.resource = resource;
        this.uri = "webhook:velaro:" + resource.uriName();
    }

    /** Velaro POSTs every delivery. */
    public static List<String> methods() {
        return List.of("POST");
    }

    /** Receives camel-webhook's configuration before the consumer is created, and chooses the HTTP server. */
    public void configure(WebhookConfiguration configuration) {
        if (!resource.isWebhook()) {
            throw new IllegalArgumentException("velaro:" + resource.uriName() + " is not delivered by webhooks: use "
                                               + "webhook:velaro:events or webhook:velaro:transcripts, or poll with "
                                               + "from(\"velaro:" + resource.uriName() + "\")");
        }
        WebhookTransport.applyDefault(context, configuration, uri);
        this.webhookConfiguration = configuration;
    }

    /**
     * The processor the HTTP consumer calls for each delivery; validates the options first, so a misconfigured route
     * does not start.
     *
     * @param versions the endpoint's reconcile group, or {@link DeliveredVersions#NONE}
     */
    public Processor createHandler(VelaroConfiguration configuration, Clock clock, Processor route,
                                   DeliveredVersions versions, VelaroMetrics metrics) {
        WebhookSettings settings = WebhookSettings.of(resource, configuration, clock);
        DeliveryGate gate = new DeliveryGate(completedRepository(configuration),
                claimRepository(configuration, settings.inProgressTimeout(), clock));
        WebhookPayload<?> payload = resource == VelaroResource.EVENTS
                ? new EventPayload(settings.eventTypes()) : new TranscriptPayload();
        return handler(settings, payload, gate, versions, route, metrics);
    }

    private <T> WebhookHandler<T> handler(WebhookSettings settings, WebhookPayload<T> payload, DeliveryGate gate,
                                          DeliveredVersions versions, Processor route, VelaroMetrics metrics) {
        WebhookConfiguration configuration = webhookConfiguration;
        // platform-http's vert.x engine: the bodies are read on its event loop, as its own body handler would
        String path = configuration != null && WebhookTransport.PLATFORM_HTTP.equals(configuration.getWebhookComponentName())
                ? configuration.computeFullPath(false) : null;
        return new WebhookHandler<>(uri, settings, payload, gate, versions,
                AsyncProcessorConverterHelper.convert(route), new WebhookMetrics(resource.uriName(), metrics), context,
                path);
    }

    private synchronized IdempotentRepository completedRepository(VelaroConfiguration configuration) {
        IdempotentRepository repository = configuration.getIdempotentRepository();
        if (repository == null) {
            if (defaultCompleted == null) {
                defaultCompleted = MemoryIdempotentRepository.memoryIdempotentRepository(DEFAULT_REPOSITORY_SIZE);
            }
            repository = defaultCompleted;
        }
        return started(repository);
    }

    private synchronized IdempotentRepository claimRepository(VelaroConfiguration configuration, Duration timeout,
                                                              Clock clock) {
        IdempotentRepository repository = configuration.getInProgressRepository();
        if (repository == null) {
            if (defaultClaims == null) {
                defaultClaims = new ExpiringMemoryIdempotentRepository(timeout, clock);
            }
            repository = defaultClaims;
        }
        return started(repository);
    }

    private static IdempotentRepository started(IdempotentRepository repository) {
        // started, never stopped here: a user's repository may be shared with other routes
        ServiceHelper.startService(repository);
        return repository;
    }

    /**
     * Velaro has no API to register webhooks, so there is nothing to call; instead the URL to enter in Velaro is
     * logged, once.
     */
    public void register() {
        // camel-webhook configures the endpoint before registering; without a configuration there is no URL
        if (webhookConfiguration == null || !urlLogged.compareAndSet(false, true)) {
            return;
        }
        String where = resource == VelaroResource.TRANSCRIPTS
                ? "Velaro Transcript Storage → Custom HTTPS webhook" : "Velaro Settings → Webhooks";
        LOG.info("Velaro has no API to register webhooks: enter {} in {} for {}{}", externalUrl(), where, uri,
                webhookConfiguration.getWebhookExternalUrl() != null ? ""
                        : " (set webhookExternalUrl to the public base URL Velaro reaches to have the full URL logged, "
                          + "and webhookPath for a path that stays the same when other options change)");
    }

    /**
     * The URL Velaro must call. Without webhookExternalUrl only the path is certain: the local server's address
     * (often 0.0.0.0 and a port the REST configuration does not know) is not what Velaro reaches.
     */
    private String externalUrl() {
        WebhookConfiguration configuration = webhookConfiguration;
        // as camel-webhook's computeFullExternalUrl() when the external URL is set
        String base = configuration.getWebhookExternalUrl() != null
                ? configuration.getWebhookExternalUrl() : "<public base URL of this service>";
        return base + configuration.computeFullPath(true);
    }

    /** Nothing to undo at Velaro; the webhook stays configured there until removed in its settings. */
    public void unregister() {
        LOG.debug("{} stopped; Velaro has no API to unregister webhooks (remove it in Velaro's settings if retired)", uri);
    }

    @Override
    public String toString() {
        return "VelaroWebhook[" + uri + "]";
    }
}
