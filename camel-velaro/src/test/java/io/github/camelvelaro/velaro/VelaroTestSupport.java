package io.github.camelvelaro.velaro;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.WireMock;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import org.apache.camel.test.junit5.CamelTestSupport;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;

/** A CamelContext with a WireMock server on a random loopback port standing in for Velaro. */
public abstract class VelaroTestSupport extends CamelTestSupport {

    /** A well-formed key: vlk_ and 48 more characters. */
    public static final String KEY = "vlk_" + "Ab3dE6gH9jK2mN5pQ8sT1vW4yZ7bC0eF3hJ6kL9nP2rS5uX8";
    /** The masked form that may appear in messages. */
    public static final String MASKED_KEY = "vlk_…8z".replace("8z", KEY.substring(KEY.length() - 4));

    protected static WireMockServer wireMock;

    @BeforeAll
    static void startWireMock() {
        wireMock = new WireMockServer(WireMockConfiguration.options().dynamicPort().bindAddress("127.0.0.1"));
        wireMock.start();
    }

    @AfterAll
    static void stopWireMock() {
        wireMock.stop();
    }

    @BeforeEach
    void resetWireMock() {
        wireMock.resetAll();
    }

    /** e.g. {@code http://127.0.0.1:4321/v1}. */
    protected static String baseUrl() {
        return "http://127.0.0.1:" + wireMock.port() + "/v1";
    }

    /** An endpoint URI with the test key and base URL. */
    protected static String velaro(String resource, String options) {
        return "velaro:" + resource + "?apiKey=RAW(" + KEY + ")&baseUrl=" + baseUrl()
               + (options == null || options.isEmpty() ? "" : "&" + options);
    }

    protected static WireMock wm() {
        return new WireMock(wireMock);
    }

    protected static int requestCount() {
        return wireMock.getAllServeEvents().size();
    }
}
