package io.github.camelvelaro.examples;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import io.github.camelvelaro.examples.console.ArrivalsPolicy;
import io.github.camelvelaro.examples.console.ConsoleSummary;
import io.github.camelvelaro.examples.console.ExampleConsole;
import io.github.camelvelaro.examples.console.ExampleStats;
import io.github.camelvelaro.examples.console.ExampleStatsNotifier;
import io.github.camelvelaro.examples.console.SummaryFormatter;
import io.github.camelvelaro.examples.routes.JavaRoutes;
import io.github.camelvelaro.examples.routes.RouteIds;
import io.github.camelvelaro.examples.site.SandboxSite;
import io.github.camelvelaro.examples.site.VelaroCloudSite;
import io.github.camelvelaro.examples.site.VelaroSite;
import org.apache.camel.CamelContext;
import org.apache.camel.Route;
import org.apache.camel.component.platform.http.PlatformHttpComponent;
import org.apache.camel.main.BaseMainSupport;
import org.apache.camel.main.Main;
import org.apache.camel.main.MainListenerSupport;
import org.apache.camel.support.ScheduledPollConsumer;
import org.apache.camel.support.service.ServiceSupport;

/**
 * The example as a Camel Main application: the routes (Java or YAML) against a {@link VelaroSite}, a console banner
 * once they run, and a summary every few seconds.
 */
public final class ExampleApplication implements AutoCloseable {

    /** Where the YAML variant of the routes lives; Camel Main's default patterns do not include it. */
    static final String YAML_ROUTES = "classpath:routes/*.camel.yaml";
    private static final Duration START_TIMEOUT = Duration.ofSeconds(30);
    private static final Duration STOP_TIMEOUT = Duration.ofSeconds(30);

    private final ExampleSettings settings;
    private final ExampleConsole console;
    private final VelaroSite site;
    private final ExampleStats stats = new ExampleStats();
    private final Main main = new Main();
    private volatile ConsoleSummary summary;
    private final CountDownLatch started = new CountDownLatch(1);
    private volatile Thread runner;
    private volatile Exception startFailure;

    private ExampleApplication(ExampleSettings settings, ExampleConsole console, VelaroSite site) {
        this.settings = settings;
        this.console = console;
        this.site = site;
        site.properties().forEach(main::addOverrideProperty);
        Map<String, String> disabled = site.disabledRoutes();
        if (!disabled.isEmpty()) {
            // the routes are not even created: a missing property would otherwise fail the start
            main.addOverrideProperty("camel.main.route-filter-exclude-pattern", String.join(",", disabled.keySet()));
        }
        if (settings.routes() == ExampleSettings.RoutesDsl.YAML) {
            main.addOverrideProperty("camel.main.routes-include-pattern", YAML_ROUTES);
        } else {
            JavaRoutes.all().forEach(main.configure()::addRoutesBuilder);
        }
        if (settings.durationSeconds() > 0) {
            main.configure().withDurationMaxSeconds(settings.durationSeconds());
        }
        main.addMainListener(new Lifecycle());
    }

    /**
     * Prepares the example: starts the sandbox when no API key is set and prints which Velaro is used. Nothing runs
     * before {@link #run()} or {@link #start()}.
     */
    public static ExampleApplication create(ExampleSettings settings, ExampleConsole console) {
        VelaroSite site = settings.sandboxMode() ? SandboxSite.start(settings) : new VelaroCloudSite(settings);
        try {
            WebhookPort.requireFree(site.properties());
        } catch (RuntimeException e) {
            site.close();
            throw e;
        }
        console.print(site.headline());
        return new ExampleApplication(settings, console, site);
    }

    /** Runs until Ctrl+C or the duration, then stops everything. */
    public void run() throws Exception {
        try {
            main.run();
        } finally {
            site.close();
        }
    }

    /**
     * Runs on a thread of its own and returns once the routes run and the banner is printed (tests); {@link #close()}
     * stops it. The same code path as {@link #run()}, Camel Main's listeners included.
     *
     * @throws IllegalStateException when the application failed to start, with the cause
     */
    public void start() throws InterruptedException {
        Thread thread = new Thread(() -> {
            try {
                run();
            } catch (Exception e) {
                startFailure = e;
            } finally {
                started.countDown();
            }
        }, "velaro-example");
        runner = thread;
        thread.start();
        if (!started.await(START_TIMEOUT.toSeconds(), TimeUnit.SECONDS) || startFailure != null) {
            close();
            throw new IllegalStateException("The example did not start", startFailure);
        }
    }

    /** Stops what {@link #start()} started and waits for it; also stops the site when it never ran. */
    @Override
    public void close() {
        Thread thread = runner;
        try {
            if (thread != null) {
                main.completed();
                thread.join(STOP_TIMEOUT.toMillis());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            site.close();
        }
    }

    public CamelContext camelContext() {
        return main.getCamelContext();
    }

    public VelaroSite site() {
        return site;
    }

    public ExampleStats stats() {
        return stats;
    }

    /** The summary service, once the application has started. */
    public ConsoleSummary summary() {
        return summary;
    }

    /** Hooks the example into Camel Main's lifecycle. */
    private final class Lifecycle extends MainListenerSupport {

        @Override
        public void beforeConfigure(BaseMainSupport main) {
            CamelContext context = main.getCamelContext();
            // before the routes are created, so that the policy is applied to them
            context.addRoutePolicyFactory(new ArrivalsPolicy(stats));
            context.getManagementStrategy().addEventNotifier(new ExampleStatsNotifier(stats));
            // stopped with the context, after the routes, also when Ctrl+C stops it from a shutdown hook
            try {
                context.addService(new SiteService(site));
            } catch (Exception e) {
                throw new IllegalStateException("Cannot add the Velaro site to the CamelContext", e);
            }
        }

        @Override
        public void afterStart(BaseMainSupport main) {
            CamelContext context = main.getCamelContext();
            URI webhookUrl = webhookUrl(context);
            site.started(webhookUrl);
            site.details(webhookUrl, pollDelay(context)).forEach(console::print);
            console.print(VelaroSite.detail("Routes", settings.routes() == ExampleSettings.RoutesDsl.JAVA
                    ? "Java DSL (-Droutes=yaml runs the same routes from YAML)"
                    : "YAML DSL, src/main/resources/routes/*.camel.yaml (-Droutes=java for the Java DSL)"));
            console.print(VelaroSite.detail("Stop", settings.durationSeconds() > 0
                    ? "after " + settings.durationSeconds() + " s (-Dduration), or Ctrl+C"
                    : "Ctrl+C (-Dduration=N stops after N seconds)"));
            ConsoleSummary service = new ConsoleSummary(context, stats, new SummaryFormatter(site.disabledRoutes()),
                    console, settings.summaryEvery(), Clock.systemDefaultZone());
            try {
                context.addService(service, true, true);
            } catch (Exception e) {
                throw new IllegalStateException("Cannot start the console summary", e);
            }
            summary = service;
            started.countDown();
        }

        /** Where the webhook route listens on this machine, or null when it was left out. */
        private URI webhookUrl(CamelContext context) {
            if (context.getRoute(RouteIds.WEBHOOK_EVENTS) == null) {
                return null;
            }
            int port = context.getComponent("platform-http", PlatformHttpComponent.class).getEngine().getServerPort();
            return URI.create("http://127.0.0.1:" + port + RouteIds.WEBHOOK_PATH);
        }

        @Override
        public void beforeStop(BaseMainSupport main) {
            ConsoleSummary service = summary;
            if (service != null) {
                service.beforeStop();
            }
        }

        private Duration pollDelay(CamelContext context) {
            Route route = context.getRoute(RouteIds.POLL_CONVERSATIONS);
            if (route != null && route.getConsumer() instanceof ScheduledPollConsumer poller) {
                return Duration.ofMillis(poller.getTimeUnit().toMillis(poller.getDelay()));
            }
            return Duration.ZERO;
        }
    }

    /** Closes the site (stops the sandbox) when the CamelContext stops. */
    private static final class SiteService extends ServiceSupport {

        private final VelaroSite site;

        SiteService(VelaroSite site) {
            this.site = site;
        }

        @Override
        protected void doStop() {
            site.close();
        }
    }
}
