package io.github.camelvelaro.velaro.client;

import org.apache.hc.client5.http.impl.classic.HttpClientBuilder;

/**
 * Changes the Apache HttpClient 5 builder of a Velaro component before its one pooled client is built, as
 * camel-http's {@code HttpClientConfigurer} does: set it as the component's {@code httpClientConfigurer} option (a
 * bean). It runs last, after the component's own settings, so it can change any of them; a configurer that turns
 * automatic retries or redirects back on takes over what the component otherwise decides (see docs/errors.md).
 */
@FunctionalInterface
public interface HttpClientConfigurer {

    /** Adjusts the builder; called once per component start. */
    void configureHttpClient(HttpClientBuilder builder);
}
