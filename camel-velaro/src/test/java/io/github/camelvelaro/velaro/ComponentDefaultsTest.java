package io.github.camelvelaro.velaro;

import org.apache.camel.Exchange;
import org.junit.jupiter.api.Test;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

/** Options set once on the component apply to every endpoint, and the URI overrides them. */
class ComponentDefaultsTest extends VelaroTestSupport {

    static final String OTHER_KEY = "vlk_" + "Z".repeat(48);

    @Test
    void endpointsInheritComponentOptions() throws Exception {
        VelaroComponent component = context.getComponent("velaro", VelaroComponent.class);
        component.getAccount().setApiKey(KEY);
        component.getAccount().setBaseUrl(baseUrl());
        component.getAccount().setRateLimitPerMinute(30);
        wireMock.stubFor(post("/v1/contacts").willReturn(aResponse().withStatus(201)
                .withBody(Fixtures.contactJson("k_1", "a@b.co"))));

        Exchange inherited = template.send("velaro:contacts", e -> e.getMessage().setBody("{\"email\":\"a@b.co\"}"));
        Exchange overridden = template.send("velaro:contacts?apiKey=RAW(" + OTHER_KEY + ")",
                e -> e.getMessage().setBody("{\"email\":\"a@b.co\"}"));

        assertThat(inherited.getException()).isNull();
        assertThat(overridden.getException()).isNull();
        wireMock.verify(1, postRequestedFor(urlEqualTo("/v1/contacts")).withHeader("Authorization", equalTo("Bearer " + KEY)));
        wireMock.verify(1, postRequestedFor(urlEqualTo("/v1/contacts"))
                .withHeader("Authorization", equalTo("Bearer " + OTHER_KEY)));
        VelaroEndpoint endpoint = context.getEndpoint("velaro:contacts?rateLimitPerMinute=10", VelaroEndpoint.class);
        assertThat(endpoint.getAccount().getRateLimitPerMinute()).isEqualTo(10);
        assertThat(context.getEndpoint("velaro:contacts", VelaroEndpoint.class).getAccount().getRateLimitPerMinute())
                .isEqualTo(30);
    }
}
