package io.github.camelvelaro.examples;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import com.sun.net.httpserver.HttpServer;
import io.github.camelvelaro.velaro.model.VelaroJson;

/**
 * A Velaro workflow webhook trigger on loopback (the component allows http there): records the JSON bodies it
 * receives and answers 202, as Velaro does when it starts a run.
 */
final class WorkflowTriggerStub implements AutoCloseable {

    private final HttpServer server;
    private final List<Map<String, Object>> runs = new CopyOnWriteArrayList<>();

    private WorkflowTriggerStub(HttpServer server) {
        this.server = server;
    }

    static WorkflowTriggerStub start() throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        WorkflowTriggerStub stub = new WorkflowTriggerStub(server);
        server.createContext("/workflows/trigger/follow-up-survey", exchange -> {
            try (exchange) {
                byte[] body = exchange.getRequestBody().readAllBytes();
                stub.runs.add(VelaroJson.mapper().readValue(body, VelaroJson.mapper().getTypeFactory()
                        .constructMapType(Map.class, String.class, Object.class)));
                byte[] answer = "{\"runId\":\"run_1\"}".getBytes(StandardCharsets.UTF_8);
                exchange.getResponseHeaders().add("Content-Type", "application/json");
                exchange.sendResponseHeaders(202, answer.length);
                exchange.getResponseBody().write(answer);
            }
        });
        server.start();
        return stub;
    }

    String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/workflows/trigger/follow-up-survey";
    }

    /** The bodies received, oldest first. */
    List<Map<String, Object>> runs() {
        return List.copyOf(runs);
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
