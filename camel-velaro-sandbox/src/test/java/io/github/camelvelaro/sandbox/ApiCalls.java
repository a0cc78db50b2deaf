package io.github.camelvelaro.sandbox;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.camelvelaro.velaro.model.Conversation;
import io.github.camelvelaro.velaro.model.VelaroJson;
import io.github.camelvelaro.velaro.model.VelaroPage;

/** Plain HTTP calls to a sandbox, as curl or Postman would make them. */
final class ApiCalls {

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();
    private final String baseUrl;
    private Duration timeout = Duration.ofSeconds(10);

    ApiCalls(String baseUrl) {
        this.baseUrl = baseUrl;
    }

    ApiCalls withTimeout(Duration value) {
        ApiCalls copy = new ApiCalls(baseUrl);
        copy.timeout = value;
        return copy;
    }

    HttpResponse<String> get(String pathAndQuery, String key) {
        return send("GET", pathAndQuery, key, null);
    }

    HttpResponse<String> post(String path, String key, String json) {
        return send("POST", path, key, json);
    }

    HttpResponse<String> patch(String path, String key, String json) {
        return send("PATCH", path, key, json);
    }

    /** Sends with {@code Authorization: Bearer key} (none when the key is null); fails on I/O errors. */
    HttpResponse<String> send(String method, String pathAndQuery, String key, String json) {
        try {
            return trySend(method, pathAndQuery, key == null ? null : "Bearer " + key, json);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Sends with this raw Authorization header (none when null); I/O errors are the caller's to expect. */
    HttpResponse<String> trySend(String method, String pathAndQuery, String authorization, String json)
            throws IOException {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(baseUrl + pathAndQuery)).timeout(timeout)
                .method(method, json == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(json));
        if (json != null) {
            b.header("Content-Type", "application/json");
        }
        if (authorization != null) {
            b.header("Authorization", authorization);
        }
        try {
            return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        }
    }

    static JsonNode json(HttpResponse<String> response) {
        try {
            return VelaroJson.mapper().readTree(response.body());
        } catch (IOException e) {
            throw new UncheckedIOException("not JSON: " + response.body(), e);
        }
    }

    /** The body as a model, e.g. {@code as(response, Conversation.class)}. */
    static <T> T as(HttpResponse<String> response, Class<T> type) {
        try {
            return VelaroJson.mapper().readValue(response.body(), type);
        } catch (IOException e) {
            throw new AssertionError("not a " + type.getSimpleName() + ": " + response.body(), e);
        }
    }

    /** A 200 page of conversations. */
    static VelaroPage<Conversation> conversationPage(HttpResponse<String> response) {
        assertOk(response);
        try {
            return VelaroJson.mapper().readValue(response.body(), VelaroJson.pageOf(Conversation.class));
        } catch (IOException e) {
            throw new AssertionError("not a page: " + response.body(), e);
        }
    }

    /** The ids of a 200 page, in order. */
    static List<String> ids(HttpResponse<String> response) {
        assertOk(response);
        List<String> ids = new ArrayList<>();
        for (JsonNode item : json(response).path("data")) {
            ids.add(item.path("id").asText());
        }
        return ids;
    }

    private static void assertOk(HttpResponse<String> response) {
        if (response.statusCode() != 200) {
            throw new AssertionError("expected 200, got " + response.statusCode() + ": " + response.body());
        }
    }

    static String errorCode(HttpResponse<String> response) {
        return json(response).path("error").path("code").asText();
    }

    static String errorMessage(HttpResponse<String> response) {
        return json(response).path("error").path("message").asText();
    }
}
