package io.github.camelvelaro.velaro;

import org.apache.camel.spi.EndpointServiceLocation;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Camel's tooling shows where each endpoint connects, and never a secret part of it. */
class EndpointServiceLocationTest extends VelaroTestSupport {

    private EndpointServiceLocation location(String uri) {
        return (EndpointServiceLocation) context.getEndpoint(uri);
    }

    @Test
    void restResourcesConnectToTheBaseUrl() {
        EndpointServiceLocation conversations = location(velaro("conversations", null));

        assertThat(conversations.getServiceUrl()).isEqualTo(baseUrl());
        assertThat(conversations.getServiceProtocol()).isEqualTo("http");
        assertThat(location("velaro:contacts?apiKey=RAW(" + KEY + ")").getServiceUrl())
                .isEqualTo("https://api.velaro.com/v1");
    }

    @Test
    void aWorkflowShowsOnlyTheTriggersHostNotItsSecretPath() {
        EndpointServiceLocation workflow = location("velaro:workflows?triggerUrl=RAW(https://hooks.example.com/wf/"
                                                    + "S3cr3tT0k3nPath)");

        assertThat(workflow.getServiceUrl()).isEqualTo("https://hooks.example.com");
    }

    @Test
    void webhookResourcesConnectNowhere() {
        assertThat(location("velaro:events").getServiceUrl()).isNull();
    }
}
