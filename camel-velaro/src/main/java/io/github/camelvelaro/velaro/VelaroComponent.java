package io.github.camelvelaro.velaro;

import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.ScheduledExecutorService;
import java.util.function.LongSupplier;

import io.github.camelvelaro.velaro.client.ApiKey;
import io.github.camelvelaro.velaro.client.HttpClientConfigurer;
import io.github.camelvelaro.velaro.client.HttpClientSettings;
import io.github.camelvelaro.velaro.client.InMemoryQuotaStore;
import io.github.camelvelaro.velaro.client.KeyRing;
import io.github.camelvelaro.velaro.client.PooledHttpClient;
import io.github.camelvelaro.velaro.client.QuotaStore;
import io.github.camelvelaro.velaro.client.RateGovernor;
import io.github.camelvelaro.velaro.client.VelaroClient;
import io.github.camelvelaro.velaro.consumer.SharedPollerScheduler;
import io.github.camelvelaro.velaro.metrics.MicrometerLookup;
import io.github.camelvelaro.velaro.metrics.VelaroActivity;
import io.github.camelvelaro.velaro.reconcile.BoundedMemoryStateRepository;
import org.apache.camel.Endpoint;
import org.apache.camel.SSLContextParametersAware;
import org.apache.camel.builder.ThreadPoolProfileBuilder;
import org.apache.camel.api.management.ManagedOperation;
import org.apache.camel.api.management.ManagedResource;
import org.apache.camel.health.HealthCheckRegistry;
import org.apache.camel.spi.Metadata;
import org.apache.camel.spi.StateRepository;
import org.apache.camel.spi.ThreadPoolProfile;
import org.apache.camel.spi.annotations.Component;
import org.apache.camel.support.HealthCheckComponent;
import org.apache.camel.support.jsse.SSLContextParameters;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;

/**
 * The {@code velaro} component: creates endpoints with the component-level defaults, and owns what all its endpoints
 * share (the HTTP connection pool and its threads).
 */
@Component(VelaroConstants.SCHEME)
@ManagedResource(description = "Velaro component")
public class VelaroComponent extends HealthCheckComponent implements SSLContextParametersAware {

    /** The key, base URL, limits and site of the Velaro account that every endpoint starts from; an endpoint's URI overrides them for that endpoint. */
    @Metadata(label = "advanced")
    private VelaroAccountOptions account = new VelaroAccountOptions();

    /** Where the rate governor keeps its counts and what Velaro said (a QuotaStore bean); set a shared one, such as camel-velaro-jdbc's JdbcQuotaStore, so that the limits hold summed over several nodes and across restarts. */
    @Metadata(label = "advanced", autowired = true)
    private QuotaStore quotaStore;

    /** The TLS settings (trust store, key store, protocols) of the connections to Velaro; the JVM's defaults when unset. */
    @Metadata(label = "security")
    private SSLContextParameters sslContextParameters;

    /** Whether Camel's global SSL context parameters apply when sslContextParameters is not set. */
    @Metadata(label = "security", defaultValue = "false")
    private boolean useGlobalSslContextParameters;

    /** The host of a forward proxy all requests go through; unset, the JVM's proxy properties (https.proxyHost) apply. */
    @Metadata(label = "proxy")
    private String proxyHost;

    /** The port of the forward proxy. */
    @Metadata(label = "proxy", defaultValue = "3128")
    private int proxyPort = 3128;

    /** The user name the forward proxy asks for (Basic authentication). */
    @Metadata(label = "proxy,security", secret = true)
    private String proxyAuthUsername;

    /** The password the forward proxy asks for. */
    @Metadata(label = "proxy,security", secret = true)
    private String proxyAuthPassword;

    /** A bean that adjusts the Apache HttpClient 5 builder last, before the component's pooled client is built. */
    @Metadata(label = "advanced", autowired = false)
    private HttpClientConfigurer httpClientConfigurer;

    /** The most HTTP connections the component's pool holds, over all hosts. */
    @Metadata(label = "advanced", defaultValue = "200")
    private int maxTotalConnections = 200;

    /** The most HTTP connections the pool holds to one host. */
    @Metadata(label = "advanced", defaultValue = "20")
    private int connectionsPerRoute = 20;

    /** Threads of the one scheduler all pollers of this component share (a poll never waits for Velaro on it); 0 gives each poller its own thread, and an endpoint's scheduledExecutorService or scheduler wins. */
    @Metadata(label = "consumer,advanced", defaultValue = "10")
    private int pollerThreads = 10;
    private final SharedPollerScheduler pollerScheduler = new SharedPollerScheduler(this, () -> pollerThreads);

    /** Secret options whose names Camel does not already treat as sensitive. */
    static final String SENSITIVE_OPTIONS = "triggerurl";

    private Clock clock = Clock.systemUTC();
    private LongSupplier ticker = System::nanoTime;
    private volatile CloseableHttpClient httpClient;
    private volatile ExecutorService httpExecutor;
    private RateGovernor governor;
    private ScheduledExecutorService scheduler;
    private StateRepository<String, String> reconcileRepository;
    private final ScopeAdvisor scopeAdvisor = new ScopeAdvisor();
    private final Map<String, KeyRing> keyRings = new ConcurrentHashMap<>();
    private final ScopesHealthCheck scopesHealthCheck = new ScopesHealthCheck(scopeAdvisor);
    private final VelaroActivity activity = new VelaroActivity(this::getClock);

    @Override
    protected void doInit() throws Exception {
        super.doInit();
        registerSensitiveOptions();
        getCamelContext().addStartupListener(scopeAdvisor);
    }

    @Override
    protected void doStart() throws Exception {
        super.doStart();
        // the advice shows in health details where Camel's health checks are on (camel-health, Spring Boot actuator)
        HealthCheckRegistry registry = HealthCheckRegistry.get(getCamelContext());
        if (registry != null) {
            registry.register(scopesHealthCheck);
        }
        activity.bind(MicrometerLookup.metricsFor(getCamelContext(), this::getClock));
    }

    /** What the component's requests, pollers and webhooks did: read by the dev console and the meters. */
    public VelaroActivity activity() {
        return activity;
    }

    /**
     * The key ring for an endpoint's key: shared by every endpoint with the same key and source, so a key renewed
     * after one 401 is the key of all of them. The source is the {@code apiKeyProperty} property when it holds the
     * configured key (or when no key is configured, then the key is read from it); otherwise the key has no source to
     * re-read and only {@link #replaceApiKey(String, String)} changes it.
     */
    synchronized KeyRing keyRing(VelaroAccountOptions account) {
        String property = account.getApiKeyProperty();
        boolean hasProperty = property != null && !property.isBlank();
        String propertyValue = hasProperty ? readProperty(property) : null;
        ApiKey initial;
        boolean sourced;
        if (account.getApiKey() == null || account.getApiKey().isEmpty()) {
            if (propertyValue == null) {
                throw new IllegalArgumentException("Option apiKey is required: set it to your Velaro API key (vlk_…, "
                                                   + ApiKey.LENGTH + " characters), or set the property "
                                                   + (hasProperty ? property : "named by option apiKeyProperty"));
            }
            initial = ApiKey.of(propertyValue, "apiKeyProperty (property " + property + ")");
            sourced = true;
        } else {
            initial = ApiKey.of(account.getApiKey(), "apiKey");
            // the property is the key's source only if it holds this very key (an endpoint may set its own)
            sourced = account.getApiKey().equals(propertyValue);
        }
        String source = sourced ? property : "";
        return keyRings.computeIfAbsent(initial.fingerprint() + "|" + source, k -> sourced
                ? new KeyRing(initial, () -> readProperty(property), "property " + property)
                : KeyRing.fixed(initial));
    }

    /** The property's value (placeholders and vault functions resolved), or null when it is not defined. */
    private String readProperty(String property) {
        return getCamelContext().getPropertiesComponent().resolveProperty(property).orElse(null);
    }

    /**
     * Reads every key from its {@code apiKeyProperty} again and swaps those that changed, without restarting routes
     * (also offered over JMX). Returns how many keys changed.
     */
    @ManagedOperation(description = "Reads every Velaro API key from its apiKeyProperty again and swaps those that "
                                    + "changed, without restarting routes; returns how many changed")
    public synchronized int reloadApiKeys() {
        return (int) keyRings.values().stream().filter(KeyRing::reload).count();
    }

    /**
     * Swaps the key whose masked form is {@code maskedKey} ({@code vlk_…abcd}) for {@code newKey} in every endpoint
     * that sends it, without restarting routes. Returns how many key rings took it (0: no endpoint sends that key).
     */
    public synchronized int replaceApiKey(String maskedKey, String newKey) {
        ApiKey.of(newKey, "newKey");
        int replaced = 0;
        for (KeyRing ring : keyRings.values()) {
            if (ring.current().masked().equals(maskedKey)) {
                ring.replace(newKey);
                replaced++;
            }
        }
        return replaced;
    }

    /** Least-privilege advice: the scopes each key declares against those its endpoints need. */
    ScopeAdvisor scopeAdvisor() {
        return scopeAdvisor;
    }

    /**
     * Camel masks URI options whose names contain words such as "apikey" or "secret" when it logs or shows an
     * endpoint; "triggerUrl" is not such a name, so it is added to the context's sensitive keywords.
     */
    private void registerSensitiveOptions() {
        var extension = getCamelContext().getCamelContextExtension();
        String existing = extension.getAdditionalSensitiveKeywords();
        if (existing == null || existing.isBlank()) {
            extension.setAdditionalSensitiveKeywords(SENSITIVE_OPTIONS);
        } else if (!(',' + existing.toLowerCase(java.util.Locale.ROOT) + ',').contains(',' + SENSITIVE_OPTIONS + ',')) {
            extension.setAdditionalSensitiveKeywords(existing + "," + SENSITIVE_OPTIONS);
        }
    }

    @Override
    protected Endpoint createEndpoint(String uri, String remaining, Map<String, Object> parameters) throws Exception {
        VelaroResource resource;
        try {
            // Camel's enum conversion, case-insensitive, as for the enum options
            resource = getCamelContext().getTypeConverter().mandatoryConvertTo(VelaroResource.class, remaining);
        } catch (org.apache.camel.NoTypeConversionAvailableException | org.apache.camel.TypeConversionException e) {
            throw new IllegalArgumentException("Unknown Velaro resource '" + remaining + "' in velaro:" + remaining
                                               + "; use one of " + VelaroResource.uriNames(), e);
        }
        VelaroEndpoint endpoint = new VelaroEndpoint(uri, this, resource, account.copy(), new VelaroConfiguration());
        setProperties(endpoint, parameters);
        return endpoint;
    }

    /** A client for an endpoint's configuration; {@code keys} is null for workflow-only use. */
    VelaroClient createClient(VelaroAccountOptions account, VelaroConfiguration configuration, KeyRing keys) {
        return new VelaroClient(httpClient(), Duration.ofMillis(configuration.getConnectTimeout()),
                keys == null ? null : account.baseUri(), keys,
                Duration.ofMillis(configuration.getReadTimeout()), configuration.getMaxResponseSize(), governor(),
                configuration.rateLimits(account), executor());
    }

    /** The one governor all endpoints of this component share. */
    public synchronized RateGovernor governor() {
        if (governor == null) {
            // one task per waiting request: Camel's default queue bound (1000) would fail the 1001st as "stopped"
            ThreadPoolProfile oneThreadUnboundedQueue = new ThreadPoolProfileBuilder("VelaroRateGovernor")
                    .poolSize(1).maxPoolSize(1).maxQueueSize(-1).build();
            scheduler = getCamelContext().getExecutorServiceManager()
                    .newScheduledThreadPool(this, "VelaroRateGovernor", oneThreadUnboundedQueue);
            governor = new RateGovernor(clock, ticker, scheduler,
                    quotaStore != null ? quotaStore : new InMemoryQuotaStore());
        }
        return governor;
    }

    /**
     * Where reconcile groups without {@code reconcileRepository} keep their delivered versions: one bounded in-memory
     * repository for all endpoints of this component, keyed by site and group, so a webhook consumer and its pollers
     * meet there; it outlives route restarts.
     */
    public synchronized StateRepository<String, String> defaultReconcileRepository() {
        if (reconcileRepository == null) {
            reconcileRepository = new BoundedMemoryStateRepository();
        }
        return reconcileRepository;
    }

    /** The one pooled HTTP client all endpoints of this component share, built on first use. */
    private synchronized CloseableHttpClient httpClient() {
        if (httpClient == null) {
            SSLContextParameters ssl = sslContextParameters != null
                    ? sslContextParameters
                    : useGlobalSslContextParameters ? retrieveGlobalSslContextParameters() : null;
            try {
                httpClient = PooledHttpClient.build(new HttpClientSettings(
                        ssl == null ? null : ssl.createSSLContext(getCamelContext()), proxyHost, proxyPort,
                        proxyAuthUsername, proxyAuthPassword, maxTotalConnections, connectionsPerRoute,
                        httpClientConfigurer));
            } catch (java.security.GeneralSecurityException | java.io.IOException e) {
                throw new IllegalArgumentException("The sslContextParameters of the velaro component cannot be used: "
                                                   + e.getMessage(), e);
            }
        }
        return httpClient;
    }

    /** The I/O pool: requests sent after a rate-limit wait or a retry delay. */
    private synchronized ExecutorService executor() {
        if (httpExecutor == null) {
            httpExecutor = getCamelContext().getExecutorServiceManager().newCachedThreadPool(this, "VelaroHttpClient");
        }
        return httpExecutor;
    }

    @Override
    protected void doStop() throws Exception {
        activity.unbind();
        HealthCheckRegistry registry = HealthCheckRegistry.get(getCamelContext());
        if (registry != null) {
            registry.unregister(scopesHealthCheck);
        }
        synchronized (this) {
            if (governor != null) {
                // requests still waiting for a limit fail now instead of never completing
                governor.close();
                getCamelContext().getExecutorServiceManager().shutdownNow(scheduler);
            }
            scheduler = null;
            governor = null;
        }
        CloseableHttpClient client;
        synchronized (this) {
            client = httpClient;
            httpClient = null;
        }
        if (client != null) {
            client.close(org.apache.hc.core5.io.CloseMode.GRACEFUL);
        }
        pollerScheduler.shutdown();
        ExecutorService executor = httpExecutor;
        httpExecutor = null;
        if (executor != null) {
            getCamelContext().getExecutorServiceManager().shutdown(executor);
        }
        super.doStop();
    }

    public SSLContextParameters getSslContextParameters() {
        return sslContextParameters;
    }

    public void setSslContextParameters(SSLContextParameters sslContextParameters) {
        this.sslContextParameters = sslContextParameters;
    }

    @Override
    public boolean isUseGlobalSslContextParameters() {
        return useGlobalSslContextParameters;
    }

    @Override
    public void setUseGlobalSslContextParameters(boolean useGlobalSslContextParameters) {
        this.useGlobalSslContextParameters = useGlobalSslContextParameters;
    }

    public String getProxyHost() {
        return proxyHost;
    }

    public void setProxyHost(String proxyHost) {
        this.proxyHost = proxyHost;
    }

    public int getProxyPort() {
        return proxyPort;
    }

    public void setProxyPort(int proxyPort) {
        this.proxyPort = proxyPort;
    }

    public String getProxyAuthUsername() {
        return proxyAuthUsername;
    }

    public void setProxyAuthUsername(String proxyAuthUsername) {
        this.proxyAuthUsername = proxyAuthUsername;
    }

    public String getProxyAuthPassword() {
        return proxyAuthPassword;
    }

    public void setProxyAuthPassword(String proxyAuthPassword) {
        this.proxyAuthPassword = proxyAuthPassword;
    }

    public HttpClientConfigurer getHttpClientConfigurer() {
        return httpClientConfigurer;
    }

    public void setHttpClientConfigurer(HttpClientConfigurer httpClientConfigurer) {
        this.httpClientConfigurer = httpClientConfigurer;
    }

    public int getMaxTotalConnections() {
        return maxTotalConnections;
    }

    public void setMaxTotalConnections(int maxTotalConnections) {
        this.maxTotalConnections = maxTotalConnections;
    }

    public int getConnectionsPerRoute() {
        return connectionsPerRoute;
    }

    public void setConnectionsPerRoute(int connectionsPerRoute) {
        this.connectionsPerRoute = connectionsPerRoute;
    }

    public VelaroAccountOptions getAccount() {
        return account;
    }

    public void setAccount(VelaroAccountOptions account) {
        this.account = account;
    }

    public QuotaStore getQuotaStore() {
        return quotaStore;
    }

    public void setQuotaStore(QuotaStore quotaStore) {
        this.quotaStore = quotaStore;
    }

    /** The time source for rate limits, polling and webhook timestamps; tests inject a controllable one. */
    public Clock getClock() {
        return clock;
    }

    /** Sets the time source; call it before the first endpoint sends (the governor keeps the clock it started with). */
    public void setClock(Clock clock) {
        this.clock = clock;
    }

    /** The monotonic time source, in nanoseconds, of the per-minute rate window; {@code System::nanoTime} by default. */
    public LongSupplier getTicker() {
        return ticker;
    }

    /** Sets the monotonic time source of the per-minute rate window; tests inject one that follows their clock. */
    public void setTicker(LongSupplier ticker) {
        this.ticker = ticker;
    }

    public int getPollerThreads() {
        return pollerThreads;
    }

    public void setPollerThreads(int pollerThreads) {
        this.pollerThreads = pollerThreads;
    }

    /** The scheduler the pollers of this component share. */
    public SharedPollerScheduler pollerScheduler() {
        return pollerScheduler;
    }
}
