package io.github.camelvelaro.examples;

import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Properties;

/**
 * What the example was started with: the Velaro account from the environment, the run options from {@code -D}
 * system properties, and how the sandbox runs when there is no account.
 *
 * @param account        the user's Velaro settings; {@link VelaroAccount#NONE} for the sandbox
 * @param routes         which of the two route definitions to run; both do the same
 * @param durationSeconds stops after this many seconds; 0 runs until Ctrl+C
 * @param summaryEvery   time between console summaries
 * @param webhookPort    the webhook receiver's port; null for 8080 against Velaro and a free port with the sandbox
 * @param sandbox        how the embedded sandbox runs
 */
public record ExampleSettings(VelaroAccount account, RoutesDsl routes, int durationSeconds, Duration summaryEvery,
                              Integer webhookPort, SandboxOptions sandbox) {

    /** The two route definitions. */
    public enum RoutesDsl {
        JAVA, YAML
    }

    public ExampleSettings {
        Objects.requireNonNull(account, "account");
        Objects.requireNonNull(routes, "routes");
        Objects.requireNonNull(summaryEvery, "summaryEvery");
        Objects.requireNonNull(sandbox, "sandbox");
        if (durationSeconds < 0) {
            throw new IllegalArgumentException("-Dduration must be 0 or more seconds, was " + durationSeconds);
        }
        if (webhookPort != null && (webhookPort < 0 || webhookPort > 65_535)) {
            throw new IllegalArgumentException("-Dport is 0 to 65535, was " + webhookPort);
        }
    }

    /** The sandbox, Java routes, until stopped, a summary every 10 s. */
    public static ExampleSettings defaults() {
        return new ExampleSettings(VelaroAccount.NONE, RoutesDsl.JAVA, 0, Duration.ofSeconds(10), null,
                SandboxOptions.defaults());
    }

    /**
     * The account from {@code env}, and from {@code system}: {@code -Droutes=java|yaml}, {@code -Dduration=N}
     * (seconds), {@code -Dport=N} (the webhook receiver's port) and {@code -Dsummary=N} (seconds between summaries).
     *
     * @throws IllegalArgumentException naming the setting that has a wrong value
     */
    public static ExampleSettings from(Map<String, String> env, Properties system) {
        ExampleSettings s = defaults().withAccount(VelaroAccount.fromEnvironment(env));
        String routes = system.getProperty("routes");
        if (routes != null) {
            s = s.withRoutes(switch (routes.trim().toLowerCase(Locale.ROOT)) {
                case "java" -> RoutesDsl.JAVA;
                case "yaml" -> RoutesDsl.YAML;
                default -> throw new IllegalArgumentException("-Droutes is java or yaml, was '" + routes + "'");
            });
        }
        String duration = system.getProperty("duration");
        if (duration != null) {
            s = s.withDurationSeconds(number("duration", duration, 1, "a number of seconds"));
        }
        String port = system.getProperty("port");
        if (port != null) {
            s = s.withWebhookPort(number("port", port, 0, "a port number"));
        }
        String summary = system.getProperty("summary");
        if (summary != null) {
            s = s.withSummaryEvery(Duration.ofSeconds(number("summary", summary, 1, "a number of seconds")));
        }
        return s;
    }

    private static int number(String name, String value, int min, String what) {
        try {
            int n = Integer.parseInt(value.trim());
            if (n >= min) {
                return n;
            }
        } catch (NumberFormatException e) {
            // reported below with the property's name
        }
        throw new IllegalArgumentException("-D" + name + " is " + what + " (" + min + " or more), was '" + value + "'");
    }

    /** True when no API key is set: the example runs against the embedded sandbox. */
    public boolean sandboxMode() {
        return account.apiKey() == null;
    }

    public ExampleSettings withAccount(VelaroAccount value) {
        return new ExampleSettings(value, routes, durationSeconds, summaryEvery, webhookPort, sandbox);
    }

    public ExampleSettings withRoutes(RoutesDsl value) {
        return new ExampleSettings(account, value, durationSeconds, summaryEvery, webhookPort, sandbox);
    }

    public ExampleSettings withDurationSeconds(int value) {
        return new ExampleSettings(account, routes, value, summaryEvery, webhookPort, sandbox);
    }

    public ExampleSettings withSummaryEvery(Duration value) {
        return new ExampleSettings(account, routes, durationSeconds, value, webhookPort, sandbox);
    }

    public ExampleSettings withWebhookPort(Integer value) {
        return new ExampleSettings(account, routes, durationSeconds, summaryEvery, value, sandbox);
    }

    public ExampleSettings withSandbox(SandboxOptions value) {
        return new ExampleSettings(account, routes, durationSeconds, summaryEvery, webhookPort, value);
    }
}
