package io.github.camelvelaro.examples.site;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * The Velaro the routes talk to: the embedded sandbox, or api.velaro.com with the user's key. The routes are the same
 * for both; only these properties differ.
 */
public interface VelaroSite extends AutoCloseable {

    /** The first console line: which Velaro this is, and how to choose the other one. */
    String headline();

    /** Camel properties pointing the routes at this Velaro; they override {@code application.properties}. */
    Map<String, String> properties();

    /** Routes that cannot run here, by id, each with the environment variable that would enable it. */
    Map<String, String> disabledRoutes();

    /**
     * Called once the routes and the HTTP server are up; {@code webhookUrl} is where the events route listens, null
     * when that route was left out.
     */
    void started(URI webhookUrl);

    /**
     * Console lines describing the run, after {@link #started(URI)}.
     *
     * @param pollDelay the conversation poller's delay as the component set it
     */
    List<String> details(URI webhookUrl, Duration pollDelay);

    /** One line of the details: a label and what it says. */
    static String detail(String label, String text) {
        return String.format("  %-10s %s", label, text);
    }

    /** "2 s", "173 s", "500 ms". */
    static String describe(Duration delay) {
        return delay.toMillis() % 1000 == 0 ? delay.toSeconds() + " s" : delay.toMillis() + " ms";
    }

    /** Stops whatever this site started; safe to call more than once. */
    @Override
    void close();
}
