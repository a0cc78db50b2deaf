package io.github.camelvelaro.examples;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.Map;

import io.github.camelvelaro.examples.site.ExampleProperties;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class WebhookPortTest {

    @Test
    void aPortInUseIsReportedBeforeCamelStarts() throws Exception {
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            String port = Integer.toString(taken.getLocalPort());

            assertThatThrownBy(() -> WebhookPort.requireFree(Map.of(ExampleProperties.SERVER_HOST, "127.0.0.1",
                    ExampleProperties.SERVER_PORT, port)))
                    .hasMessageStartingWith("The webhook receiver cannot listen on port " + port + " (")
                    .hasMessageEndingWith("another program may be using it; -Dport=N picks another");
        }
    }

    @Test
    void anyFreePortOrNoServerAtAllNeedsNoCheck() {
        assertThatCode(() -> WebhookPort.requireFree(Map.of(ExampleProperties.SERVER_PORT, "0")))
                .doesNotThrowAnyException();
        assertThatCode(() -> WebhookPort.requireFree(Map.of(ExampleProperties.SERVER_ENABLED, "false",
                ExampleProperties.SERVER_PORT, "1"))).doesNotThrowAnyException();
    }
}
