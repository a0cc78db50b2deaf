package io.github.camelvelaro.velaro;

import java.util.List;

import io.github.camelvelaro.velaro.client.KeyRing;
import io.github.camelvelaro.velaro.client.VelaroClient;
import io.github.camelvelaro.velaro.client.VelaroApi;
import io.github.camelvelaro.velaro.client.VelaroScope;
import io.github.camelvelaro.velaro.consumer.PacingOptions;
import io.github.camelvelaro.velaro.consumer.VelaroPollingConsumer;
import io.github.camelvelaro.velaro.producer.VelaroProducer;
import io.github.camelvelaro.velaro.producer.WorkflowProducer;
import io.github.camelvelaro.velaro.reconcile.DeliveredVersions;
import io.github.camelvelaro.velaro.webhook.VelaroWebhook;
import org.apache.camel.Category;
import org.apache.camel.Consumer;
import org.apache.camel.Processor;
import org.apache.camel.Producer;
import org.apache.camel.component.webhook.WebhookCapableEndpoint;
import org.apache.camel.component.webhook.WebhookConfiguration;
import org.apache.camel.spi.EndpointServiceLocation;
import org.apache.camel.spi.Metadata;
import org.apache.camel.spi.StateRepository;
import org.apache.camel.spi.UriEndpoint;
import org.apache.camel.spi.UriParam;
import org.apache.camel.spi.UriPath;
import org.apache.camel.support.ScheduledPollEndpoint;
import org.apache.camel.support.processor.state.MemoryStateRepository;
import org.apache.camel.support.service.ServiceHelper;

/**
 * Create and read Velaro conversations and contacts, trigger workflows, poll for changes and receive webhook events.
 */
@UriEndpoint(firstVersion = "0.1.0", scheme = VelaroConstants.SCHEME, title = "Velaro", syntax = "velaro:resource",
             category = { Category.CHAT, Category.SAAS, Category.API }, headersClass = VelaroConstants.class)
public class VelaroEndpoint extends ScheduledPollEndpoint implements WebhookCapableEndpoint, EndpointServiceLocation {

    /** What the endpoint addresses: conversations or contacts (produce and poll), workflows (produce), events or transcripts (webhook). */
    @UriPath(enums = "conversations,contacts,workflows,events,transcripts")
    @Metadata(required = true)
    private VelaroResource resource;

    @UriParam
    private VelaroAccountOptions account;

    @UriParam
    private VelaroConfiguration configuration;

    /**
     * Milliseconds between polls. Unset, a poller spends at most half of dailyRequestLimit on its quiet polls: 173 s
     * with the default limit of 1000 (docs/polling.md).
     */
    @UriParam(label = "consumer,scheduler", defaultValue = "173000", javaType = "long")
    @SuppressWarnings("unused") // documents the default; the value lives in ScheduledPollEndpoint (-1 until set)
    private long delay;

    @UriParam
    private PacingOptions pacingOptions = new PacingOptions();
    private VelaroWebhook webhook;
    private KeyRing keyRing;

    private StateRepository<String, String> inMemoryOffsets;

    public VelaroEndpoint(String uri, VelaroComponent component, VelaroResource resource,
                          VelaroAccountOptions account, VelaroConfiguration configuration) {
        super(uri, component);
        this.resource = resource;
        this.account = account;
        this.configuration = configuration;
    }

    @Override
    public VelaroComponent getComponent() {
        return (VelaroComponent) super.getComponent();
    }

    @Override
    public Producer createProducer() throws Exception {
        return switch (resource) {
            case CONVERSATIONS, CONTACTS -> {
                KeyRing keys = keyRing();
                VelaroScope needed = VelaroProducer.validate(resource, configuration, account);
                getComponent().scopeAdvisor().use(keys.current(), account.declaredScopes(), needed);
                yield new VelaroProducer(this);
            }
            case WORKFLOWS -> {
                WorkflowProducer.validate(configuration, account);
                yield new WorkflowProducer(this);
            }
            case EVENTS, TRANSCRIPTS -> throw new IllegalArgumentException(
                    "velaro:" + resource + " receives webhook deliveries and cannot be used in to(...); use from(\"webhook:velaro:"
                                                                            + resource + "\")");
        };
    }

    @Override
    public Consumer createConsumer(Processor processor) throws Exception {
        switch (resource) {
            case CONVERSATIONS, CONTACTS -> {
                Consumer consumer = new VelaroPollingConsumer(this, processor);
                getComponent().scopeAdvisor().use(keyRing().current(), account.declaredScopes(),
                        resource.pollScope());
                configureConsumer(consumer);
                return consumer;
            }
            case WORKFLOWS -> throw new IllegalArgumentException(
                    "velaro:workflows starts workflow runs and cannot be used in from(...)");
            default -> throw new IllegalArgumentException(
                    "velaro:" + resource + " is received through camel-webhook and a platform-http server: use "
                                                          + "from(\"webhook:velaro:" + resource
                                                          + "?webhookSecret=RAW(whsec_…)\")");
        }
    }

    // --- WebhookCapableEndpoint: webhook:velaro:events and webhook:velaro:transcripts (logic in the webhook package) ---

    @Override
    public Processor createWebhookHandler(Processor next) {
        return webhook().createHandler(configuration, getComponent().getClock(), next, deliveredVersions(),
                getComponent().activity());
    }

    @Override
    public void registerWebhook() {
        webhook().register();
    }

    @Override
    public void unregisterWebhook() {
        webhook().unregister();
    }

    @Override
    public void setWebhookConfiguration(WebhookConfiguration webhookConfiguration) {
        webhook().configure(webhookConfiguration);
    }

    @Override
    public List<String> getWebhookMethods() {
        return VelaroWebhook.methods();
    }

    private synchronized VelaroWebhook webhook() {
        if (webhook == null) {
            webhook = new VelaroWebhook(getCamelContext(), resource);
        }
        return webhook;
    }

    // --- EndpointServiceLocation: where Camel's tooling (camel-console, dev consoles) shows this endpoint connects ---

    /**
     * The REST API's base URL; for velaro:workflows only the trigger URL's scheme and host (the rest is a
     * credential); null for the webhook resources, which Velaro calls.
     */
    @Override
    public String getServiceUrl() {
        if (resource == VelaroResource.WORKFLOWS) {
            String trigger = configuration.getTriggerUrl();
            try {
                java.net.URI uri = trigger == null ? null : java.net.URI.create(trigger.trim());
                return uri == null || uri.getHost() == null ? null : uri.getScheme() + "://" + uri.getHost();
            } catch (IllegalArgumentException e) {
                return null;
            }
        }
        return resource.usesApiKey() ? account.getBaseUrl() : null;
    }

    @Override
    public String getServiceProtocol() {
        return "http";
    }

    /** A client for this endpoint's key and base URL (REST resources) or for workflow triggers. */
    public VelaroApi createApi() {
        VelaroClient client = getComponent().createClient(account, configuration, resource.usesApiKey() ? keyRing() : null);
        return getComponent().activity().watch(client, resource.usesApiKey() ? keyRing().current() : null);
    }

    /** The key this endpoint sends, shared with every endpoint of the component that uses the same key. */
    public synchronized KeyRing keyRing() {
        if (keyRing == null) {
            keyRing = getComponent().keyRing(account);
        }
        return keyRing;
    }

    /**
     * Where this endpoint's poller keeps its offset: the {@code offsetRepository} option, else an in-memory repository
     * that lives as long as the endpoint, so a restarted route (or a regained leadership) resumes where it stopped.
     */
    public synchronized StateRepository<String, String> offsetRepository() {
        StateRepository<String, String> configured = configuration.getOffsetRepository();
        if (configured != null) {
            return configured;
        }
        if (inMemoryOffsets == null) {
            inMemoryOffsets = new MemoryStateRepository();
        }
        return inMemoryOffsets;
    }

    /**
     * The delivered versions of this endpoint's {@code reconcileGroup} (see docs/reconciliation.md), or
     * {@link DeliveredVersions#NONE} without one. The repository is started here and never stopped: it is shared by
     * the group's endpoints.
     */
    public DeliveredVersions deliveredVersions() {
        String group = configuration.reconcileGroupOrNull();
        if (group == null) {
            return DeliveredVersions.NONE;
        }
        StateRepository<String, String> repository = configuration.getReconcileRepository() != null
                ? configuration.getReconcileRepository() : getComponent().defaultReconcileRepository();
        ServiceHelper.startService(repository);
        return DeliveredVersions.of(repository, account.siteIdOrDefault(), group);
    }

    /** The resource this endpoint addresses. */
    public VelaroResource getKind() {
        return resource;
    }

    public VelaroResource getResource() {
        return resource;
    }

    public void setResource(VelaroResource resource) {
        // fixed by the URI path; the setter exists for the generated configurer
        this.resource = resource;
    }

    public VelaroConfiguration getConfiguration() {
        return configuration;
    }

    public void setConfiguration(VelaroConfiguration configuration) {
        this.configuration = configuration;
    }

    public VelaroAccountOptions getAccount() {
        return account;
    }

    public void setAccount(VelaroAccountOptions account) {
        this.account = account;
    }

    public PacingOptions getPacingOptions() {
        return pacingOptions;
    }

    public void setPacingOptions(PacingOptions pacingOptions) {
        this.pacingOptions = pacingOptions;
    }
}
