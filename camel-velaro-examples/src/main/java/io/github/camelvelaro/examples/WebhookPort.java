package io.github.camelvelaro.examples;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.util.Map;

import io.github.camelvelaro.examples.site.ExampleProperties;

/**
 * Checks that the webhook receiver's port is free before Camel starts: vert.x reports a port it cannot bind only as
 * a log line, and the application would then run without receiving any webhook.
 */
final class WebhookPort {

    /** camel.server.port in application.properties. */
    static final int DEFAULT_PORT = 8080;

    private WebhookPort() {
    }

    /**
     * @param  properties            the properties the site sets (camel.server.*)
     * @throws IllegalStateException naming the port and how to choose another
     */
    static void requireFree(Map<String, String> properties) {
        if ("false".equals(properties.get(ExampleProperties.SERVER_ENABLED))) {
            return;
        }
        int port = Integer.parseInt(properties.getOrDefault(ExampleProperties.SERVER_PORT,
                Integer.toString(DEFAULT_PORT)));
        if (port == 0) {
            return; // any free port
        }
        String host = properties.getOrDefault(ExampleProperties.SERVER_HOST, "0.0.0.0");
        try (ServerSocket probe = new ServerSocket()) {
            // as vert.x binds: a port whose last connections are still closing (TIME_WAIT) counts as free
            probe.setReuseAddress(true);
            probe.bind(new InetSocketAddress(InetAddress.getByName(host), port));
        } catch (IOException e) {
            throw new IllegalStateException("The webhook receiver cannot listen on port " + port + " ("
                                            + e.getMessage() + "): another program may be using it; -Dport=N "
                                            + "picks another", e);
        }
    }
}
