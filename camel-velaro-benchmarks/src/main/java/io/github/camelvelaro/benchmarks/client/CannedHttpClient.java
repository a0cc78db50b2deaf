package io.github.camelvelaro.benchmarks.client;

import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.HttpClientBuilder;
import org.apache.hc.core5.http.ContentType;
import org.apache.hc.core5.http.io.entity.ByteArrayEntity;
import org.apache.hc.core5.http.message.BasicClassicHttpResponse;

/**
 * An Apache HttpClient 5 that answers every request at once with the stub server's conversation, so that the
 * component's own cost per request (request building, governor, header and body mapping) can be timed without the
 * network.
 */
final class CannedHttpClient {

    private CannedHttpClient() {
    }

    static CloseableHttpClient create() {
        return HttpClientBuilder.create().disableAutomaticRetries().disableRedirectHandling()
                .addExecInterceptorFirst("canned", (request, scope, chain) -> {
                    BasicClassicHttpResponse response = new BasicClassicHttpResponse(200);
                    response.addHeader("Content-Type", "application/json");
                    response.addHeader("X-RateLimit-Remaining", "1000000");
                    response.addHeader("X-RateLimit-Reset", "60");
                    response.setEntity(new ByteArrayEntity(StubVelaroServer.CONVERSATION, ContentType.APPLICATION_JSON));
                    return response;
                }).build();
    }
}
