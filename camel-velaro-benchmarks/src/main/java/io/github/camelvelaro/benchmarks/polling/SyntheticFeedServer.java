package io.github.camelvelaro.benchmarks.polling;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * A loopback stand-in for Velaro's {@code GET /v1/conversations} over a synthetic history of {@code size}
 * conversations: conversation {@code i} (0-based) has id {@code c<i>} and {@code updatedAt = start + (i / perInstant)}
 * milliseconds, so {@code perInstant} consecutive conversations share each instant. Pages are computed from the index,
 * never stored, so the server costs the measured JVM next to nothing. It honours {@code updatedSince} (inclusive),
 * {@code page} and {@code pageSize} as openapi.yaml describes, orders by (updatedAt, id), and counts requests.
 */
final class SyntheticFeedServer implements AutoCloseable {

    static final Instant START = Instant.parse("2026-01-01T00:00:00Z");

    private final int size;
    private final int perInstant;
    private final HttpServer server;
    private final ExecutorService executor = Executors.newFixedThreadPool(2);
    private final AtomicInteger requests = new AtomicInteger();

    SyntheticFeedServer(int size, int perInstant) throws IOException {
        // without TCP_NODELAY the JDK server's separate header and body writes meet delayed ACKs: ~40 ms a response
        System.setProperty("sun.net.httpserver.nodelay", "true");
        this.size = size;
        this.perInstant = perInstant;
        this.server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/v1/conversations", this::list);
        server.setExecutor(executor);
        server.start();
    }

    /** e.g. {@code http://127.0.0.1:43210/v1}. */
    String baseUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/v1";
    }

    int requests() {
        return requests.get();
    }

    private Instant updatedAt(int index) {
        return START.plusMillis(index / perInstant);
    }

    /** The first index whose updatedAt is at or after {@code since}. */
    private int firstAtOrAfter(Instant since) {
        long millis = since.toEpochMilli() - START.toEpochMilli();
        boolean exact = since.equals(START.plusMillis(millis));
        long instantIndex = Math.max(0, exact ? millis : millis + 1);
        return (int) Math.min(size, instantIndex * perInstant);
    }

    private void list(HttpExchange exchange) throws IOException {
        requests.incrementAndGet();
        Map<String, String> query = query(exchange.getRequestURI().getRawQuery());
        int page = Integer.parseInt(query.getOrDefault("page", "1"));
        int pageSize = Integer.parseInt(query.getOrDefault("pageSize", "25"));
        String since = query.get("updatedSince");
        int first = since == null ? 0 : firstAtOrAfter(Instant.parse(since));
        long fromLong = first + (long) (page - 1) * pageSize;
        int from = (int) Math.min(size, fromLong);
        int to = Math.min(size, from + pageSize);

        // ids are zero-padded, so id order is index order within an instant
        StringBuilder body = new StringBuilder(256 + (to - from) * 160).append("{\"data\":[");
        for (int i = from; i < to; i++) {
            if (i > from) {
                body.append(',');
            }
            body.append("{\"id\":\"c").append(String.format("%07d", i)).append("\",\"status\":\"open\",")
                    .append("\"channel\":\"web\",\"visitorName\":\"Visitor ").append(i).append("\",")
                    .append("\"createdAt\":\"").append(START).append("\",\"updatedAt\":\"").append(updatedAt(i))
                    .append("\"}");
        }
        body.append("],\"page\":").append(page).append(",\"pageSize\":").append(pageSize)
                .append(",\"totalCount\":").append(size - first).append(",\"hasMore\":").append(to < size).append('}');

        byte[] bytes = body.toString().getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(200, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    private static Map<String, String> query(String raw) {
        Map<String, String> params = new HashMap<>();
        if (raw != null) {
            for (String pair : raw.split("&")) {
                int eq = pair.indexOf('=');
                if (eq > 0) {
                    params.put(URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
                            URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
                }
            }
        }
        return params;
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }
}
