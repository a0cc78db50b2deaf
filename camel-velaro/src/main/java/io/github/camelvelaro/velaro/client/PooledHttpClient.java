package io.github.camelvelaro.velaro.client;

import org.apache.hc.client5.http.auth.AuthScope;
import org.apache.hc.client5.http.auth.UsernamePasswordCredentials;
import org.apache.hc.client5.http.config.ConnectionConfig;
import org.apache.hc.client5.http.impl.auth.BasicCredentialsProvider;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.HttpClientBuilder;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManagerBuilder;
import org.apache.hc.client5.http.impl.routing.SystemDefaultRoutePlanner;
import org.apache.hc.client5.http.ssl.DefaultClientTlsStrategy;
import org.apache.hc.core5.http.HttpHost;
import org.apache.hc.core5.http.io.SocketConfig;
import org.apache.hc.core5.util.TimeValue;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Builds the one Apache HttpClient 5 (classic, blocking) a component shares among its endpoints: a connection pool
 * of the configured sizes, TLS from {@code sslContextParameters}, the forward proxy, and never an automatic retry or
 * redirect, because {@link RetryPolicy} alone decides what is repeated and a redirect would carry the
 * {@code Authorization} header to wherever it points. Connect and response timeouts are per endpoint, on each
 * request ({@link VelaroClient}).
 */
public final class PooledHttpClient {

    /** A pooled connection idle for longer is checked before reuse: a server may have closed it meanwhile. */
    private static final TimeValue VALIDATE_AFTER_INACTIVITY = TimeValue.ofSeconds(2);

    private static final Logger LOG = LoggerFactory.getLogger(PooledHttpClient.class);
    /** Apache HttpClient's loggers that, at DEBUG, print the request line and headers. */
    static final String HEADERS_LOG = "org.apache.hc.client5.http.headers";
    static final String EXEC_LOG = "org.apache.hc.client5.http.impl.classic.MainClientExec";

    private PooledHttpClient() {
    }

    public static CloseableHttpClient build(HttpClientSettings settings) {
        if (LoggerFactory.getLogger(HEADERS_LOG).isDebugEnabled()
            || LoggerFactory.getLogger(EXEC_LOG).isDebugEnabled()) {
            LOG.warn("DEBUG logging of {} or {} prints every request line and header, with the Velaro API key and "
                     + "workflow trigger URLs: keep org.apache.hc at INFO outside a test", HEADERS_LOG, EXEC_LOG);
        }
        PoolingHttpClientConnectionManagerBuilder pool = PoolingHttpClientConnectionManagerBuilder.create()
                .setMaxConnTotal(settings.maxTotalConnections())
                .setMaxConnPerRoute(settings.connectionsPerRoute())
                .setDefaultSocketConfig(SocketConfig.custom().setTcpNoDelay(true).build())
                .setDefaultConnectionConfig(ConnectionConfig.custom()
                        .setValidateAfterInactivity(VALIDATE_AFTER_INACTIVITY).build());
        if (settings.sslContext() != null) {
            pool.setTlsSocketStrategy(new DefaultClientTlsStrategy(settings.sslContext()));
        }
        HttpClientBuilder builder = HttpClientBuilder.create()
                .setConnectionManager(pool.build())
                .disableAutomaticRetries()
                .disableRedirectHandling()
                .disableCookieManagement()
                .disableAuthCaching()
                // maxResponseSize counts the bytes on the wire, as they arrive: no transparent decompression
                .disableContentCompression()
                .disableDefaultUserAgent();
        if (settings.proxyHost() != null) {
            HttpHost proxy = new HttpHost(settings.proxyHost(), settings.proxyPort());
            builder.setProxy(proxy);
            if (settings.proxyAuthUsername() != null) {
                BasicCredentialsProvider credentials = new BasicCredentialsProvider();
                char[] password = settings.proxyAuthPassword() == null
                        ? new char[0] : settings.proxyAuthPassword().toCharArray();
                credentials.setCredentials(new AuthScope(proxy),
                        new UsernamePasswordCredentials(settings.proxyAuthUsername(), password));
                builder.setDefaultCredentialsProvider(credentials);
            }
        } else if (jvmProxyConfigured()) {
            builder.setRoutePlanner(new SystemDefaultRoutePlanner(java.net.ProxySelector.getDefault()));
        }
        if (settings.configurer() != null) {
            settings.configurer().configureHttpClient(builder);
        }
        return builder.build();
    }

    /**
     * Whether the JVM names a proxy ({@code https.proxyHost}, {@code http.proxyHost} or
     * {@code java.net.useSystemProxies}); only then is the JVM's proxy selector asked on every request.
     */
    static boolean jvmProxyConfigured() {
        return System.getProperty("https.proxyHost") != null || System.getProperty("http.proxyHost") != null
               || Boolean.getBoolean("java.net.useSystemProxies");
    }
}
