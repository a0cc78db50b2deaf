package io.github.camelvelaro.sandbox;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The README's {@code java -jar … --port N}, run on the packaged standalone jar, then the guide's "test your key". */
class StandaloneJarIT {

    @Test
    void theStandaloneJarPrintsABaseUrlAndAKeyThatWork() throws Exception {
        Path jar = Path.of(System.getProperty("sandbox.standalone.jar", "target/missing.jar"));
        assertThat(jar).as("the shaded jar built by the package phase").exists();
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");

        long started = System.nanoTime();
        Process process = new ProcessBuilder(java.toString(), "-jar", jar.toString(), "--port", "0",
                "--initial-items", "5", "--activity-per-minute", "0", "--workflow", "escalate").redirectErrorStream(true).start();
        try {
            List<String> banner = readBanner(process);
            long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started);
            System.out.println("Standalone sandbox printed its banner " + millis + " ms after java -jar");

            // Jetty inside logs through SLF4J to java.util.logging, warnings only: no "no provider" notice, no INFO lines
            assertThat(banner).noneMatch(line -> line.contains("SLF4J")).noneMatch(line -> line.contains("INFO"));

            String baseUrl = value(banner, "Base URL");
            String readWrite = value(banner, "Read-write key");
            assertThat(baseUrl).matches("http://127\\.0\\.0\\.1:\\d+/v1");
            assertThat(readWrite).startsWith("vlk_").hasSize(52);
            assertThat(banner).anyMatch(line -> line.contains("curl " + baseUrl + "/conversations -H \"Authorization: Bearer "
                                                              + readWrite + "\""));

            ApiCalls api = new ApiCalls(baseUrl);
            HttpResponse<String> list = api.get("/conversations", readWrite);
            HttpResponse<String> created = api.post("/conversations", readWrite,
                    "{\"visitorName\":\"Jane Doe\",\"message\":\"Hi, I have a question about my order\"}");
            HttpResponse<String> readOnly = api.post("/conversations", value(banner, "Read-only key"), "{\"message\":\"x\"}");

            assertThat(list.statusCode()).isEqualTo(200);
            JsonNode page = ApiCalls.json(list);
            assertThat(page.has("data")).isTrue();
            assertThat(page.path("hasMore").isBoolean()).isTrue();
            assertThat(created.statusCode()).isEqualTo(201);
            assertThat(readOnly.statusCode()).isEqualTo(403);

            String[] workflow = value(banner, "Workflow").split(" ");
            assertThat(workflow[0]).isEqualTo("escalate");
            assertThat(workflow[1]).startsWith(baseUrl.replace("/v1", "/hooks/workflows/"));
            HttpResponse<String> triggered = new ApiCalls(workflow[1]).send("POST", "", null, "{\"conversationId\":\"c\"}");
            assertThat(triggered.statusCode()).isEqualTo(202);
            assertThat(ApiCalls.json(triggered).path("workflow").asText()).isEqualTo("escalate");
        } finally {
            process.destroy();
            assertThat(process.waitFor(20, TimeUnit.SECONDS)).as("stops on SIGTERM").isTrue();
        }
    }

    /** The lines up to the "Press Ctrl+C" line. */
    private static List<String> readBanner(Process process) throws IOException {
        List<String> lines = new ArrayList<>();
        BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
        String line;
        while ((line = out.readLine()) != null) {
            lines.add(line);
            if (line.contains("Press Ctrl+C")) {
                return lines;
            }
        }
        throw new AssertionError("the sandbox ended without its banner: " + String.join("\n", lines));
    }

    private static String value(List<String> banner, String label) {
        return banner.stream().map(String::trim).filter(l -> l.startsWith(label)).findFirst()
                .map(l -> l.substring(label.length()).trim())
                .orElseThrow(() -> new AssertionError("no '" + label + "' in " + banner));
    }
}
