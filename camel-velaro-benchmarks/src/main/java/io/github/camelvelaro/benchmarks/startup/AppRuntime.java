package io.github.camelvelaro.benchmarks.startup;

import java.io.File;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * One of the three ways to run the component, as its example application: how to launch it and which environment
 * points it at the sandbox. Each runs a conversation poller, a producer route and an HTTP server for webhooks.
 */
enum AppRuntime {

    /**
     * camel-velaro-examples (Camel Main, Java DSL), launched with the benchmark JVM's classpath, which holds it and its
     * dependencies, less this module's own classes (whose log4j2.properties would replace the example's).
     */
    CAMEL_MAIN("Camel Main") {
        @Override
        List<String> command(String java, Path root, int httpPort) {
            String classpath = Arrays.stream(System.getProperty("java.class.path").split(File.pathSeparator))
                    .filter(entry -> !entry.contains("camel-velaro-benchmarks"))
                    .collect(Collectors.joining(File.pathSeparator));
            return List.of(java, "-Dport=" + httpPort, "-cp", classpath, "io.github.camelvelaro.examples.VelaroExample");
        }
    },

    /** camel-velaro-spring-boot-example, its repackaged jar. */
    SPRING_BOOT("Spring Boot") {
        @Override
        List<String> command(String java, Path root, int httpPort) {
            return List.of(java, "-jar", root.resolve("camel-velaro-spring-boot-example/target/"
                                                     + "camel-velaro-spring-boot-example-0.1.0-SNAPSHOT.jar").toString());
        }
    },

    /** camel-velaro-quarkus-example in JVM mode, its fast-jar. */
    QUARKUS_JVM("Quarkus JVM") {
        @Override
        List<String> command(String java, Path root, int httpPort) {
            return List.of(java, "-jar",
                    root.resolve("camel-velaro-quarkus-example/target/quarkus-app/quarkus-run.jar").toString());
        }
    };

    private final String label;

    AppRuntime(String label) {
        this.label = label;
    }

    String label() {
        return label;
    }

    abstract List<String> command(String java, Path root, int httpPort);

    /**
     * The same variables for all three: each example reads the key, the base URL and the webhook secret from the
     * environment; PORT is Spring Boot's server port, VELARO_WEBHOOK_PORT the Quarkus example's webhook port.
     */
    static Map<String, String> environment(String apiKey, String baseUrl, String webhookSecret, int httpPort) {
        Map<String, String> env = new java.util.LinkedHashMap<>();
        env.put("VELARO_API_KEY", apiKey);
        env.put("VELARO_BASE_URL", baseUrl);
        env.put("VELARO_WEBHOOK_SECRET", webhookSecret);
        env.put("PORT", Integer.toString(httpPort));
        env.put("VELARO_WEBHOOK_PORT", Integer.toString(httpPort));
        return env;
    }

    /** The order of round {@code n}: rotated, so that no runtime always goes first on a cold page cache. */
    static List<AppRuntime> order(int round) {
        List<AppRuntime> all = new ArrayList<>(List.of(values()));
        java.util.Collections.rotate(all, -round);
        return all;
    }
}
