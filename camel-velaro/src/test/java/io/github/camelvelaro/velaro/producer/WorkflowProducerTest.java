package io.github.camelvelaro.velaro.producer;

import java.util.Map;

import io.github.camelvelaro.velaro.LogCapture;
import io.github.camelvelaro.velaro.VelaroTestSupport;
import io.github.camelvelaro.velaro.exception.VelaroException;
import io.github.camelvelaro.velaro.exception.VelaroServerException;
import io.github.camelvelaro.velaro.exception.VelaroValidationException;
import org.apache.camel.Exchange;
import org.junit.jupiter.api.Test;

import static com.github.tomakehurst.wiremock.client.WireMock.absent;
import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

class WorkflowProducerTest extends VelaroTestSupport {

    private static final String TRIGGER_PATH = "/hooks/wf/T0p5ecretTr1gg3r";

    private static String workflow() {
        return "velaro:workflows?triggerUrl=RAW(http://127.0.0.1:" + wireMock.port() + TRIGGER_PATH + ")";
    }

    @Test
    void postsTheBodyToTheTriggerUrlWithoutAnApiKey() {
        wireMock.stubFor(post(TRIGGER_PATH).willReturn(aResponse().withStatus(202).withBody("{\"runId\":\"r_1\"}")));

        Exchange out = template.send(workflow(), e -> e.getMessage().setBody(Map.of("conversationId", "c_1")));

        assertThat(out.getException()).isNull();
        wireMock.verify(1, postRequestedFor(urlEqualTo(TRIGGER_PATH))
                .withHeader("Authorization", absent())
                .withHeader("Content-Type", equalTo("application/json"))
                .withRequestBody(equalToJson("{\"conversationId\":\"c_1\"}")));
        assertThat(out.getMessage().getBody(String.class)).isEqualTo("{\"runId\":\"r_1\"}");
    }

    @Test
    void jsonTextIsSentAsIsAndNonJsonIsRefusedBeforeSending() {
        wireMock.stubFor(post(TRIGGER_PATH).willReturn(aResponse().withStatus(200)));

        Exchange ok = template.send(workflow(), e -> e.getMessage().setBody("{\"a\": [1, 2]}"));
        Exchange bad = template.send(workflow(), e -> e.getMessage().setBody("not json"));

        assertThat(ok.getException()).isNull();
        assertThat(ok.getMessage().getBody()).isNull();
        wireMock.verify(1, postRequestedFor(urlEqualTo(TRIGGER_PATH)).withRequestBody(equalTo("{\"a\": [1, 2]}")));
        assertThat(bad.getException()).isInstanceOf(VelaroValidationException.class)
                .hasMessageContaining("not valid JSON");
        assertThat(requestCount()).isEqualTo(1);
    }

    @Test
    void failuresNeverShowTheTriggerUrl() {
        wireMock.stubFor(post(TRIGGER_PATH).willReturn(aResponse().withStatus(500)
                .withBody("failed for " + TRIGGER_PATH)));
        String deadTrigger = "velaro:workflows?triggerUrl=RAW(http://127.0.0.1:1" + TRIGGER_PATH + ")";

        try (LogCapture logs = LogCapture.all()) {
            Exchange server = template.send(workflow(), e -> e.getMessage().setBody("{}"));
            Exchange refused = template.send(deadTrigger, e -> e.getMessage().setBody("{}"));

            assertThat(server.getException()).isInstanceOf(VelaroServerException.class);
            assertThat(refused.getException()).isInstanceOf(VelaroException.class);
            for (Exchange e : new Exchange[] { server, refused }) {
                assertThat(fullText(e.getException())).doesNotContain("T0p5ecretTr1gg3r")
                        .contains("workflow trigger on 127.0.0.1");
            }
            assertThat(logs.text()).doesNotContain("T0p5ecretTr1gg3r");
            assertThat(context.getEndpoint(workflow()).toString()).doesNotContain("T0p5ecretTr1gg3r");
        }
        // POST is not repeated after a 500
        wireMock.verify(1, postRequestedFor(urlEqualTo(TRIGGER_PATH)));
    }

    static String fullText(Throwable t) {
        StringBuilder sb = new StringBuilder();
        for (Throwable c = t; c != null; c = c.getCause()) {
            sb.append(c).append('\n');
        }
        return sb.toString();
    }
}
