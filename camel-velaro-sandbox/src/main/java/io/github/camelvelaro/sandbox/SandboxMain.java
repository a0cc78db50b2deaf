package io.github.camelvelaro.sandbox;

import java.io.PrintStream;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CountDownLatch;
import java.util.logging.Level;
import java.util.logging.Logger;

import io.github.camelvelaro.sandbox.limits.ResetFormat;
import io.github.camelvelaro.velaro.client.VelaroVersion;

/**
 * {@code java -jar camel-velaro-sandbox-<version>-standalone.jar [--port 8089]}: runs a sandbox until Ctrl+C and
 * prints its base URL and fresh keys, so curl and Postman users can follow the guide's "test your key" steps
 * offline. Printing the keys is the point here: they are local, fake keys that only this process accepts.
 */
public final class SandboxMain {

    static final int DEFAULT_PORT = 8089;

    /**
     * Jetty logs through SLF4J, which the standalone jar sends to java.util.logging: its start and stop lines at INFO
     * would only crowd the banner, its warnings still show. A field, because java.util.logging holds loggers weakly
     * and would forget the level.
     */
    private static final Logger JETTY_LOG = Logger.getLogger("org.eclipse.jetty");

    private SandboxMain() {
    }

    public static void main(String[] args) throws InterruptedException {
        Options options;
        try {
            options = Options.parse(args);
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage());
            System.err.println();
            System.err.println(Options.USAGE);
            System.exit(2);
            return;
        }
        if (options.help) {
            System.out.println(Options.USAGE);
            return;
        }
        JETTY_LOG.setLevel(Level.WARNING);
        VelaroSandbox sandbox = new VelaroSandbox(options.settings()).start();
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            sandbox.stop();
            stopped.countDown();
        }, "velaro-sandbox-shutdown"));
        sandbox.activity().tick(options.initialItems);
        if (options.activityPerMinute > 0) {
            sandbox.activity().startPerMinute(options.activityPerMinute);
        }
        for (String url : options.webhooks) {
            sandbox.registerWebhook(url);
        }
        for (String url : options.transcriptWebhooks) {
            sandbox.registerTranscriptWebhook(url);
        }
        printBanner(System.out, sandbox, options);
        stopped.await();
    }

    static void printBanner(PrintStream out, VelaroSandbox sandbox, Options options) {
        String readWrite = sandbox.createReadWriteKey();
        String readOnly = sandbox.createReadOnlyKey();
        var limits = sandbox.limits().settings();
        out.println("Velaro sandbox " + VelaroVersion.version() + ": an offline emulator of the Velaro REST API");
        out.println("  Base URL        " + sandbox.baseUrl());
        out.println("  Read-write key  " + readWrite);
        out.println("  Read-only key   " + readOnly);
        out.println("  Webhook secret  " + sandbox.webhookSecret());
        for (String workflow : options.workflows) {
            out.println("  Workflow        " + workflow + " " + sandbox.createWorkflowTrigger(workflow));
        }
        out.println("  Limits          " + limits.perMinute() + " requests/minute per key, " + limits.perDay()
                    + " requests/day"
                    + (limits.perMonth() == null ? "" : ", " + limits.perMonth() + " requests/month"));
        out.println("  Activity        " + options.initialItems + " changes at start"
                    + (options.activityPerMinute > 0 ? ", then " + options.activityPerMinute + " per minute" : ""));
        out.println();
        out.println("Test your key:");
        out.println("  curl " + sandbox.baseUrl() + "/conversations -H \"Authorization: Bearer " + readWrite + "\"");
        out.println();
        out.println("These keys are fake and work only against this sandbox. Press Ctrl+C to stop.");
        out.flush();
    }

    /** The command line. */
    static final class Options {

        static final String USAGE = """
                Usage: java -jar camel-velaro-sandbox-<version>-standalone.jar [options]
                  --port N                 port to listen on (default 8089; 0 picks a free one)
                  --host ADDRESS           address to listen on (default 127.0.0.1; anything else exposes it)
                  --per-minute N           requests per key per minute (default 60)
                  --per-day N              requests per day for the site (default 1000)
                  --per-month N            monthly cap, sent as X-RateLimit-Remaining-Month (default none)
                  --reset-format F         X-RateLimit-Reset as 'delta' seconds (default) or 'epoch' seconds
                  --initial-items N        simulated changes made at start (default 10)
                  --activity-per-minute N  simulated changes per minute afterwards (default 6; 0 for none)
                  --webhook URL            POST signed events to URL (repeatable)
                  --transcript-webhook URL POST transcripts to URL (repeatable)
                  --workflow NAME          print a webhook trigger URL for workflow NAME (repeatable)
                  --seed N                 seed for ids and activity, to repeat a run
                  --help                   this text""";

        int port = DEFAULT_PORT;
        InetAddress host = InetAddress.getLoopbackAddress();
        Integer perMinute;
        Integer perDay;
        Integer perMonth;
        ResetFormat resetFormat;
        int initialItems = 10;
        int activityPerMinute = 6;
        Long seed;
        final List<String> webhooks = new ArrayList<>();
        final List<String> transcriptWebhooks = new ArrayList<>();
        final List<String> workflows = new ArrayList<>();
        boolean help;

        static Options parse(String[] args) {
            Options o = new Options();
            for (int i = 0; i < args.length; i++) {
                String arg = args[i];
                if (arg.equals("--help") || arg.equals("-h")) {
                    o.help = true;
                    continue;
                }
                if (i + 1 >= args.length) {
                    throw new IllegalArgumentException("Unknown option or missing value: " + arg);
                }
                String value = args[++i];
                switch (arg) {
                    case "--port" -> o.port = number(arg, value, 0);
                    case "--host" -> o.host = host(value);
                    case "--per-minute" -> o.perMinute = number(arg, value, 1);
                    case "--per-day" -> o.perDay = number(arg, value, 1);
                    case "--per-month" -> o.perMonth = number(arg, value, 1);
                    case "--reset-format" -> o.resetFormat = resetFormat(value);
                    case "--initial-items" -> o.initialItems = number(arg, value, 0);
                    case "--activity-per-minute" -> o.activityPerMinute = number(arg, value, 0);
                    case "--webhook" -> o.webhooks.add(value);
                    case "--transcript-webhook" -> o.transcriptWebhooks.add(value);
                    case "--workflow" -> o.workflows.add(value);
                    case "--seed" -> o.seed = (long) number(arg, value, Integer.MIN_VALUE);
                    default -> throw new IllegalArgumentException("Unknown option: " + arg);
                }
            }
            return o;
        }

        SandboxSettings settings() {
            SandboxSettings s = SandboxSettings.defaults().withHost(host).withPort(port);
            if (perMinute != null) {
                s = s.withPerMinuteLimit(perMinute);
            }
            if (perDay != null) {
                s = s.withDailyLimit(perDay);
            }
            if (perMonth != null) {
                s = s.withMonthlyLimit(perMonth);
            }
            if (resetFormat != null) {
                s = s.withResetFormat(resetFormat);
            }
            if (seed != null) {
                s = s.withSeed(seed);
            }
            return s;
        }

        private static int number(String option, String value, int min) {
            try {
                int n = Integer.parseInt(value);
                if (n < min) {
                    throw new IllegalArgumentException(option + " must be " + min + " or more, was " + n);
                }
                return n;
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException(option + " needs a number, was '" + value + "'");
            }
        }

        private static InetAddress host(String value) {
            try {
                return InetAddress.getByName(value);
            } catch (UnknownHostException e) {
                throw new IllegalArgumentException("--host: unknown address '" + value + "'");
            }
        }

        private static ResetFormat resetFormat(String value) {
            return switch (value.toLowerCase(Locale.ROOT)) {
                case "delta" -> ResetFormat.DELTA_SECONDS;
                case "epoch" -> ResetFormat.EPOCH_SECONDS;
                default -> throw new IllegalArgumentException(
                        "--reset-format is 'delta' or 'epoch', was '" + value + "'");
            };
        }
    }
}
