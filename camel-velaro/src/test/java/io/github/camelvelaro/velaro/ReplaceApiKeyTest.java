package io.github.camelvelaro.velaro;

import io.github.camelvelaro.velaro.client.ApiKey;
import org.junit.jupiter.api.Test;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** VelaroComponent.replaceApiKey swaps a key in every endpoint that sends it, without restarting anything. */
class ReplaceApiKeyTest extends VelaroTestSupport {

    private static final String NEW_KEY = "vlk_" + "N".repeat(44) + "w3K9";

    @Test
    void theEndpointsThatSentTheOldKeySendTheNewOneFromTheNextRequest() {
        wireMock.stubFor(post("/v1/conversations").willReturn(aResponse().withStatus(201)
                .withHeader("Content-Type", "application/json")
                .withBody(Fixtures.conversationJson("c_1", "2026-11-27T10:15:30Z"))));
        String uri = velaro("conversations", null);
        template.sendBody(uri, "{\"message\":\"Hi\",\"visitorEmail\":\"a@example.com\"}");

        VelaroComponent velaro = context.getComponent("velaro", VelaroComponent.class);
        assertThatThrownBy(() -> velaro.replaceApiKey(MASKED_KEY, "vlk_tooShort"))
                .hasMessageContaining("is not a valid Velaro API key").hasMessageNotContaining("tooShort");
        assertThat(velaro.replaceApiKey("vlk_…none", NEW_KEY)).as("no endpoint sends that key").isZero();
        assertThat(velaro.replaceApiKey(MASKED_KEY, NEW_KEY)).isEqualTo(1);
        template.sendBody(uri, "{\"message\":\"Hi again\",\"visitorEmail\":\"a@example.com\"}");

        wireMock.verify(1, postRequestedFor(urlEqualTo("/v1/conversations"))
                .withHeader("Authorization", equalTo("Bearer " + KEY)));
        wireMock.verify(1, postRequestedFor(urlEqualTo("/v1/conversations"))
                .withHeader("Authorization", equalTo("Bearer " + NEW_KEY)));
        assertThat(ApiKey.of(NEW_KEY, "apiKey").masked()).isEqualTo("vlk_…w3K9");
    }
}
