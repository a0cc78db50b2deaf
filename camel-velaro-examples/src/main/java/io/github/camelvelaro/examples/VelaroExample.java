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
        ExampleConsole console = ExampleConsole.standard();
        try {
            ExampleApplication.create(settings, console).run();
        } catch (Exception e) {
            // one line, like every other error of the example; the cause is what a user can act on
            console.print("Cannot run the example: " + e.getMessage());
            System.exit(1);
        }
    }
}
