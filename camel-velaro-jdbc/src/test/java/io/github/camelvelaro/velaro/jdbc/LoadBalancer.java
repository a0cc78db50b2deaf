package io.github.camelvelaro.velaro.jdbc;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * The load balancer in front of the nodes' webhook servers: Velaro posts to one URL, and each delivery goes to the
 * next node in turn; a node that does not answer is skipped (the delivery goes to the next), and when none answers
 * Velaro gets a 503 and redelivers later.
 */
final class LoadBalancer implements AutoCloseable {

    private static final List<String> FORWARDED = List.of("webhook-id", "webhook-timestamp", "webhook-signature",
            "content-type");

    private final HttpServer server;
    private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private final Map<String, Integer> nodes = new ConcurrentHashMap<>();
    private final AtomicInteger next = new AtomicInteger();

    LoadBalancer() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 50);
        server.setExecutor(Executors.newFixedThreadPool(8));
        server.createContext("/", this::forward);
        server.start();
    }

    String url(String path) {
        return "http://127.0.0.1:" + server.getAddress().getPort() + path;
    }

    void add(String node, int port) {
        nodes.put(node, port);
    }

    void remove(String node) {
        nodes.remove(node);
    }

    private void forward(HttpExchange exchange) throws IOException {
        byte[] body = exchange.getRequestBody().readAllBytes();
        List<Integer> ports = new ArrayList<>(nodes.values());
        int first = Math.floorMod(next.getAndIncrement(), Math.max(1, ports.size()));
        int status = 503;
        byte[] answer = new byte[0];
        for (int i = 0; i < ports.size(); i++) {
            int port = ports.get((first + i) % ports.size());
            HttpRequest.Builder request = HttpRequest.newBuilder(
                    URI.create("http://127.0.0.1:" + port + exchange.getRequestURI().getPath()))
                    .timeout(Duration.ofSeconds(8)).POST(HttpRequest.BodyPublishers.ofByteArray(body));
            for (String header : FORWARDED) {
                String value = exchange.getRequestHeaders().getFirst(header);
                if (value != null) {
                    request.header(header, value);
                }
            }
            try {
                HttpResponse<byte[]> response = client.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
                status = response.statusCode();
                answer = response.body();
                response.headers().firstValue("Retry-After")
                        .ifPresent(v -> exchange.getResponseHeaders().add("Retry-After", v));
                break;
            } catch (IOException e) {
                // a dead or starting node: the next one
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        exchange.sendResponseHeaders(status, answer.length == 0 ? -1 : answer.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(answer);
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
