package io.github.camelvelaro.velaro.springboot;

import io.github.camelvelaro.velaro.client.HttpClientConfigurer;
import org.apache.camel.spring.boot.ComponentConfigurationPropertiesCommon;
import org.apache.camel.support.jsse.SSLContextParameters;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The {@code camel.component.velaro.*} properties: the Velaro component's options, copied onto the component when
 * Camel creates it. The field comments become the IDE help text (spring-configuration-metadata.json), and the
 * defaults are the component's own, so the IDE shows what applies when a property is left out.
 * <p>
 * Options are boxed: Camel's helper copies only non-null values, and a property can be bound back to null.
 * {@code enabled} and {@code customizer.enabled} are inherited; their help text is in
 * additional-spring-configuration-metadata.json.
 */
@ConfigurationProperties(prefix = VelaroComponentConfiguration.PREFIX)
public class VelaroComponentConfiguration extends ComponentConfigurationPropertiesCommon {

    public static final String PREFIX = "camel.component.velaro";

    /**
     * The Velaro API key (52 characters starting with vlk_) that endpoints use unless they set their own.
     */
    private String apiKey;

    /**
     * The Camel property that holds the key (a vault-backed one too), read again when Velaro answers 401 or on
     * reloadApiKeys, so a rotated key is taken without restarting routes.
     */
    private String apiKeyProperty;

    /**
     * Comma-separated scopes the key holds; when set, endpoints whose operation needs an unlisted scope refuse to
     * start.
     */
    private String scopes;

    /**
     * The base URL of the Velaro REST API; must be https except for loopback hosts.
     */
    private String baseUrl = "https://api.velaro.com/v1";

    /**
     * Requests per key in any 60-second window, never exceeded by this component.
     */
    private Integer rateLimitPerMinute = 60;

    /**
     * Requests per UTC day for all keys of this component; when spent, calls fail fast and polling pauses until the
     * day rolls over.
     */
    private Integer dailyRequestLimit = 1000;

    /**
     * A stable name of the Velaro site (account) the key belongs to; pollers keep their offset under it, so a rotated
     * key keeps its offset and different sites never share one.
     */
    private String siteId;

    /**
     * The TLS settings (trust store, key store, protocols) of the connections to Velaro; the JVM's defaults when
     * unset. A bean reference, e.g. {@code #bean:velaroTls}.
     */
    private SSLContextParameters sslContextParameters;

    /**
     * Whether Camel's global SSL context parameters apply when ssl-context-parameters is not set.
     */
    private Boolean useGlobalSslContextParameters = false;

    /**
     * The host of a forward proxy all requests go through; unset, the JVM's proxy properties (https.proxyHost) apply.
     */
    private String proxyHost;

    /**
     * The port of the forward proxy.
     */
    private Integer proxyPort = 3128;

    /**
     * The user name the forward proxy asks for (Basic authentication).
     */
    private String proxyAuthUsername;

    /**
     * The password the forward proxy asks for.
     */
    private String proxyAuthPassword;

    /**
     * A bean that adjusts the Apache HttpClient 5 builder last, before the component's pooled client is built;
     * a bean reference, e.g. {@code #bean:myConfigurer}.
     */
    private HttpClientConfigurer httpClientConfigurer;

    /**
     * The most HTTP connections the component's pool holds, over all hosts.
     */
    private Integer maxTotalConnections = 200;

    /**
     * The most HTTP connections the pool holds to one host.
     */
    private Integer connectionsPerRoute = 20;

    /**
     * Threads of the one scheduler all pollers of this component share (a poll never waits for Velaro on it); 0 gives
     * each poller its own thread, and an endpoint's scheduledExecutorService or scheduler wins.
     */
    private Integer pollerThreads = 10;

    /**
     * Whether producers start on their first message instead of with the route, so that a start-up failure (such as
     * a missing key) reaches the route's error handler.
     */
    private Boolean lazyStartProducer = false;

    /**
     * Whether consumer errors (a failed poll, for example) are routed to the route's error handler instead of being
     * logged and ignored.
     */
    private Boolean bridgeErrorHandler = false;

    /**
     * Whether options marked as autowired are filled in from a single bean of matching type in the registry.
     */
    private Boolean autowiredEnabled = true;

    /**
     * Whether the consumers of this component report to Camel's health checks.
     */
    private Boolean healthCheckConsumerEnabled = true;

    /**
     * Whether the producers of this component report to Camel's health checks (producer checks also need
     * camel.health.producers-enabled=true).
     */
    private Boolean healthCheckProducerEnabled = true;

    public String getApiKey() {
        return apiKey;
    }

    public void setApiKey(String apiKey) {
        this.apiKey = apiKey;
    }

    public String getApiKeyProperty() {
        return apiKeyProperty;
    }

    public void setApiKeyProperty(String apiKeyProperty) {
        this.apiKeyProperty = apiKeyProperty;
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

    public Integer getRateLimitPerMinute() {
        return rateLimitPerMinute;
    }

    public void setRateLimitPerMinute(Integer rateLimitPerMinute) {
        this.rateLimitPerMinute = rateLimitPerMinute;
    }

    public Integer getDailyRequestLimit() {
        return dailyRequestLimit;
    }

    public void setDailyRequestLimit(Integer dailyRequestLimit) {
        this.dailyRequestLimit = dailyRequestLimit;
    }

    public String getSiteId() {
        return siteId;
    }

    public void setSiteId(String siteId) {
        this.siteId = siteId;
    }

    public Integer getPollerThreads() {
        return pollerThreads;
    }

    public void setPollerThreads(Integer pollerThreads) {
        this.pollerThreads = pollerThreads;
    }

    public Boolean getLazyStartProducer() {
        return lazyStartProducer;
    }

    public void setLazyStartProducer(Boolean lazyStartProducer) {
        this.lazyStartProducer = lazyStartProducer;
    }

    public Boolean getBridgeErrorHandler() {
        return bridgeErrorHandler;
    }

    public void setBridgeErrorHandler(Boolean bridgeErrorHandler) {
        this.bridgeErrorHandler = bridgeErrorHandler;
    }

    public Boolean getAutowiredEnabled() {
        return autowiredEnabled;
    }

    public void setAutowiredEnabled(Boolean autowiredEnabled) {
        this.autowiredEnabled = autowiredEnabled;
    }

    public Boolean getHealthCheckConsumerEnabled() {
        return healthCheckConsumerEnabled;
    }

    public void setHealthCheckConsumerEnabled(Boolean healthCheckConsumerEnabled) {
        this.healthCheckConsumerEnabled = healthCheckConsumerEnabled;
    }

    public Boolean getHealthCheckProducerEnabled() {
        return healthCheckProducerEnabled;
    }

    public void setHealthCheckProducerEnabled(Boolean healthCheckProducerEnabled) {
        this.healthCheckProducerEnabled = healthCheckProducerEnabled;
    }

    public SSLContextParameters getSslContextParameters() {
        return sslContextParameters;
    }

    public void setSslContextParameters(SSLContextParameters sslContextParameters) {
        this.sslContextParameters = sslContextParameters;
    }

    public Boolean getUseGlobalSslContextParameters() {
        return useGlobalSslContextParameters;
    }

    public void setUseGlobalSslContextParameters(Boolean useGlobalSslContextParameters) {
        this.useGlobalSslContextParameters = useGlobalSslContextParameters;
    }

    public String getProxyHost() {
        return proxyHost;
    }

    public void setProxyHost(String proxyHost) {
        this.proxyHost = proxyHost;
    }

    public Integer getProxyPort() {
        return proxyPort;
    }

    public void setProxyPort(Integer proxyPort) {
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

    public Integer getMaxTotalConnections() {
        return maxTotalConnections;
    }

    public void setMaxTotalConnections(Integer maxTotalConnections) {
        this.maxTotalConnections = maxTotalConnections;
    }

    public Integer getConnectionsPerRoute() {
        return connectionsPerRoute;
    }

    public void setConnectionsPerRoute(Integer connectionsPerRoute) {
        this.connectionsPerRoute = connectionsPerRoute;
    }
}
