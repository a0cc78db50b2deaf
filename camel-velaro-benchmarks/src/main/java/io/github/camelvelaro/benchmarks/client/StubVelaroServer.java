package io.github.camelvelaro.benchmarks.client;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.Executors;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * A fixed-answer stand-in for Velaro for throughput runs: every GET /v1/conversations/{id} returns the same
 * conversation with rate-limit headers. Run in its own JVM so the client's CPU can be measured alone; prints
 * {@code PORT <n>} when ready and stops when its standard input closes.
 */
public final class StubVelaroServer {

    static final byte[] CONVERSATION = ("""
            {"id":"c_1","status":"open","channel":"web","visitorName":"Jane Doe","visitorEmail":"jane@example.com",
             "contactId":"cont_1","assignedAgent":"Sam","createdAt":"2026-11-27T10:15:30Z",
             "updatedAt":"2026-11-27T10:16:30Z","resolvedAt":null,"customData":{"orderId":"12345"}}""")
            .getBytes(StandardCharsets.UTF_8);

    private StubVelaroServer() {
    }

    public static void main(String[] args) throws Exception {
        int threads = args.length > 0 ? Integer.parseInt(args[0]) : 4;
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 1024);
        server.setExecutor(Executors.newFixedThreadPool(threads));
        server.createContext("/", StubVelaroServer::answer);
        server.start();
        System.out.println("PORT " + server.getAddress().getPort());
        System.out.flush();
        try (InputStream in = System.in) {
            while (in.read() >= 0) {
                // wait for the parent to close our stdin
            }
        }
        server.stop(0);
        System.exit(0);
    }

    private static void answer(HttpExchange exchange) throws IOException {
        try (exchange) {
            exchange.getRequestBody().readAllBytes();
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.getResponseHeaders().add("X-RateLimit-Remaining", "1000000");
            exchange.getResponseHeaders().add("X-RateLimit-Reset", "60");
            exchange.sendResponseHeaders(200, CONVERSATION.length);
            exchange.getResponseBody().write(CONVERSATION);
        }
    }
}
