package io.github.camelvelaro.examples;

import io.github.camelvelaro.examples.console.ExampleConsole;

/**
 * {@code ./mvnw -q -pl camel-velaro-examples -am -DskipTests package exec:java}: runs the example against the
 * embedded sandbox, or against api.velaro.com when {@code VELARO_API_KEY} is set.
 */
public final class VelaroExample {

    private VelaroExample() {
    }

    public static void main(String[] args) throws Exception {
        ExampleSettings settings;
        try {
            settings = ExampleSettings.from(System.getenv(), System.getProperties());
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage());
            System.exit(2);
            return;
        }
        QuietLogging.apply();
        ExampleApplication.create(settings, ExampleConsole.standard()).run();
    }
}
