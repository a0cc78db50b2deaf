package io.github.camelvelaro.velaro;

import java.net.ProxySelector;
import java.net.http.HttpClient;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.ScheduledExecutorService;
import java.util.function.LongSupplier;

import io.github.camelvelaro.velaro.client.ApiKey;
import io.github.camelvelaro.velaro.client.InMemoryQuotaStore;
import io.github.camelvelaro.velaro.client.QuotaStore;
import io.github.camelvelaro.velaro.client.RateGovernor;
import io.github.camelvelaro.velaro.client.VelaroClient;
import io.github.camelvelaro.velaro.reconcile.BoundedMemoryStateRepository;
import org.apache.camel.Endpoint;
import org.apache.camel.builder.ThreadPoolProfileBuilder;
import org.apache.camel.spi.Metadata;
import org.apache.camel.spi.StateRepository;
import org.apache.camel.spi.ThreadPoolProfile;
import org.apache.camel.spi.annotations.Component;
import org.apache.camel.support.HealthCheckComponent;

/**
 * The {@code velaro} component: creates endpoints with the component-level defaults, and owns what all its endpoints
 * share (the HTTP connection pool and its threads).
 */
@Component(VelaroConstants.SCHEME)
public class VelaroComponent extends HealthCheckComponent {

    /** The Velaro API key (52 characters starting with vlk_) that endpoints use unless they set their own. */
    @Metadata(label = "security", secret = true)
    private String apiKey;

    /** Comma-separated scopes the key holds; when set, endpoints whose operation needs an unlisted scope refuse to start. */
    @Metadata(label = "security")
    private String scopes;

    /** The base URL of the Velaro REST API; must be https except for loopback hosts. */
    @Metadata(defaultValue = VelaroConfiguration.DEFAULT_BASE_URL)
    private String baseUrl = VelaroConfiguration.DEFAULT_BASE_URL;

    /** Requests per key in any 60-second window, never exceeded by this component. */
    @Metadata(label = "advanced", defaultValue = "60")
    private int rateLimitPerMinute = 60;

    /** Requests per UTC day for all keys of this component; when spent, calls fail fast and polling pauses until the day rolls over. */
    @Metadata(label = "advanced", defaultValue = "1000")
    private int dailyRequestLimit = 1000;

    /** Where the rate governor keeps its counts and what Velaro said (a QuotaStore bean); set a shared one, such as camel-velaro-jdbc's JdbcQuotaStore, so that the limits hold summed over several nodes and across restarts. */
    @Metadata(label = "advanced", autowired = true)
    private QuotaStore quotaStore;

    /** A stable name of the Velaro site (account) the key belongs to; pollers keep their offset under it, so a rotated key keeps its offset and different sites never share one. */
    @Metadata(label = "consumer")
    private String siteId;

    /** Secret options whose names Camel does not already treat as sensitive. */
    static final String SENSITIVE_OPTIONS = "triggerurl";

    private Clock clock = Clock.systemUTC();
    private LongSupplier ticker = System::nanoTime;
    private final Map<Long, HttpClient> httpClients = new ConcurrentHashMap<>();
    private volatile ExecutorService httpExecutor;
    private RateGovernor governor;
    private ScheduledExecutorService scheduler;
    private StateRepository<String, String> reconcileRepository;

    @Override
    protected void doInit() throws Exception {
        super.doInit();
        registerSensitiveOptions();
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
        VelaroResource resource = VelaroResource.fromUriName(remaining);
        if (resource == null) {
            throw new IllegalArgumentException("Unknown Velaro resource '" + remaining + "' in velaro:" + remaining
                                               + "; use one of " + VelaroResource.uriNames());
        }
        VelaroConfiguration configuration = new VelaroConfiguration();
        configuration.setApiKey(apiKey);
        configuration.setScopes(scopes);
        configuration.setBaseUrl(baseUrl);
        configuration.setRateLimitPerMinute(rateLimitPerMinute);
        configuration.setDailyRequestLimit(dailyRequestLimit);
        configuration.setSiteId(siteId);
        VelaroEndpoint endpoint = new VelaroEndpoint(uri, this, resource, configuration);
        setProperties(endpoint, parameters);
        return endpoint;
    }

    /** A client for an endpoint's configuration; {@code key} is null for workflow-only use. */
    VelaroClient createClient(VelaroConfiguration configuration, ApiKey key) {
        HttpClient http = httpClients.computeIfAbsent(configuration.getConnectTimeout(), this::newHttpClient);
        return new VelaroClient(http, key == null ? null : configuration.baseUri(), key,
                Duration.ofMillis(configuration.getReadTimeout()), configuration.getMaxResponseSize(), governor(),
                configuration.rateLimits(), executor());
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

    private HttpClient newHttpClient(long connectTimeoutMillis) {
        HttpClient.Builder builder = HttpClient.newBuilder()
                .connectTimeout(Duration.ofMillis(connectTimeoutMillis))
                // a redirect would carry the Authorization header to wherever Velaro points: never follow one
                .followRedirects(HttpClient.Redirect.NEVER)
                .executor(executor());
        ProxySelector proxies = ProxySelector.getDefault();
        if (proxies != null) {
            builder.proxy(proxies);
        }
        return builder.build();
    }

    /** The I/O pool: the HTTP client's own tasks, and requests sent after a rate-limit wait or a retry delay. */
    private synchronized ExecutorService executor() {
        if (httpExecutor == null) {
            httpExecutor = getCamelContext().getExecutorServiceManager().newCachedThreadPool(this, "VelaroHttpClient");
        }
        return httpExecutor;
    }

    @Override
    protected void doStop() throws Exception {
        synchronized (this) {
            if (governor != null) {
                // requests still waiting for a limit fail now instead of never completing
                governor.close();
                getCamelContext().getExecutorServiceManager().shutdownNow(scheduler);
            }
            scheduler = null;
            governor = null;
        }
        httpClients.clear();
        ExecutorService executor = httpExecutor;
        httpExecutor = null;
        if (executor != null) {
            getCamelContext().getExecutorServiceManager().shutdown(executor);
        }
        super.doStop();
    }

    public String getApiKey() {
        return apiKey;
    }

    public void setApiKey(String apiKey) {
        this.apiKey = apiKey;
    }

    public String getScopes() {
        return scopes;
    }

    public void setScopes(String scopes) {
        this.scopes = scopes;
    }

    public String getBaseUrl() {
        return baseUrl;
    }

    public void setBaseUrl(String baseUrl) {
        this.baseUrl = baseUrl;
    }

    public int getRateLimitPerMinute() {
        return rateLimitPerMinute;
    }

    public void setRateLimitPerMinute(int rateLimitPerMinute) {
        this.rateLimitPerMinute = rateLimitPerMinute;
    }

    public int getDailyRequestLimit() {
        return dailyRequestLimit;
    }

    public void setDailyRequestLimit(int dailyRequestLimit) {
        this.dailyRequestLimit = dailyRequestLimit;
    }

    public QuotaStore getQuotaStore() {
        return quotaStore;
    }

    public void setQuotaStore(QuotaStore quotaStore) {
        this.quotaStore = quotaStore;
    }

    public String getSiteId() {
        return siteId;
    }

    public void setSiteId(String siteId) {
        this.siteId = siteId;
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
}
