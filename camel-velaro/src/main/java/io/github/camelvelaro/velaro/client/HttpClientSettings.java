package io.github.camelvelaro.velaro.client;

import javax.net.ssl.SSLContext;

/**
 * What the component's one pooled HTTP client is built from; see {@link PooledHttpClient}.
 *
 * @param sslContext          the TLS context, or null for the JVM's default
 * @param proxyHost           the forward proxy's host, or null for none (the JVM's proxy properties then apply)
 * @param proxyPort           the forward proxy's port
 * @param proxyAuthUsername   the user name the proxy asks for, or null
 * @param proxyAuthPassword   the proxy password, or null; never in {@link #toString()}
 * @param maxTotalConnections the most connections the pool holds
 * @param connectionsPerRoute the most connections to one host
 * @param configurer          what adjusts the builder last, or null
 */
public record HttpClientSettings(SSLContext sslContext, String proxyHost, int proxyPort, String proxyAuthUsername,
                                 String proxyAuthPassword, int maxTotalConnections, int connectionsPerRoute,
                                 HttpClientConfigurer configurer) {

    @Override
    public String toString() {
        return "HttpClientSettings[proxy " + (proxyHost == null ? "none" : proxyHost + ":" + proxyPort)
               + (proxyAuthUsername == null ? "" : " as " + proxyAuthUsername + " (password ******)")
               + ", pool " + maxTotalConnections + "/" + connectionsPerRoute
               + (sslContext == null ? "" : ", custom TLS") + (configurer == null ? "" : ", configured") + "]";
    }
}
