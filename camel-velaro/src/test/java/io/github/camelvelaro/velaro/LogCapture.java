package io.github.camelvelaro.velaro;

import java.util.ArrayList;
import java.util.List;

import org.apache.logging.log4j.Level;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.core.LogEvent;
import org.apache.logging.log4j.core.LoggerContext;
import org.apache.logging.log4j.core.appender.AbstractAppender;
import org.apache.logging.log4j.core.config.Configuration;
import org.apache.logging.log4j.core.config.LoggerConfig;
import org.apache.logging.log4j.core.config.Property;

/**
 * Captures log events while open (the component's own loggers at TRACE, everything else at DEBUG), with the
 * formatted message and the full text of any attached throwable, so tests can assert that a secret never reaches a
 * log.
 * <p>
 * Everything else stops at DEBUG because Camel core itself prints raw endpoint URIs at TRACE
 * ({@code AbstractCamelContext}: "Getting endpoint with uri: ..."), whatever the component does; the docs tell
 * users to keep {@code org.apache.camel} above TRACE in production or to set secrets on the component. Apache
 * HttpClient ({@code org.apache.hc}) stays at INFO: at DEBUG it prints every request line and header, the API key and
 * trigger URL among them, whatever the component does; the component warns when it finds it at DEBUG, and
 * docs/security.md says so.
 */
public final class LogCapture extends AbstractAppender implements AutoCloseable {

    private static final String OWN_PACKAGE = "io.github.camelvelaro";
    private static final String HTTP_CLIENT = "org.apache.hc";

    private final List<String> lines = new ArrayList<>();
    private final Level previousLevel;

    private LogCapture() {
        super("capture-" + System.nanoTime(), null, null, true, Property.EMPTY_ARRAY);
        LoggerContext ctx = (LoggerContext) LogManager.getContext(false);
        Configuration config = ctx.getConfiguration();
        LoggerConfig root = config.getRootLogger();
        previousLevel = root.getLevel();
        start();
        root.addAppender(this, Level.ALL, null);
        root.setLevel(Level.DEBUG);
        LoggerConfig own = new LoggerConfig(OWN_PACKAGE, Level.ALL, true);
        config.addLogger(OWN_PACKAGE, own);
        config.addLogger(HTTP_CLIENT, new LoggerConfig(HTTP_CLIENT, Level.INFO, true));
        // named loggers (e.g. wiremock) keep their own level; open them too
        config.getLoggers().values().stream()
                .filter(l -> !l.getName().equals(OWN_PACKAGE) && !l.getName().equals(HTTP_CLIENT))
                .forEach(l -> l.addAppender(this, Level.ALL, null));
        ctx.updateLoggers();
    }

    /** Starts capturing everything. */
    public static LogCapture all() {
        return new LogCapture();
    }

    @Override
    public synchronized void append(LogEvent event) {
        StringBuilder sb = new StringBuilder(event.getLoggerName()).append(": ")
                .append(event.getMessage().getFormattedMessage());
        Throwable t = event.getThrown();
        while (t != null) {
            sb.append(" | ").append(t);
            t = t.getCause();
        }
        lines.add(sb.toString());
    }

    public synchronized List<String> lines() {
        return new ArrayList<>(lines);
    }

    public synchronized String text() {
        return String.join("\n", lines);
    }

    @Override
    public void close() {
        LoggerContext ctx = (LoggerContext) LogManager.getContext(false);
        Configuration config = ctx.getConfiguration();
        config.getRootLogger().removeAppender(getName());
        config.getRootLogger().setLevel(previousLevel);
        config.removeLogger(OWN_PACKAGE);
        config.removeLogger(HTTP_CLIENT);
        config.getLoggers().values().forEach(l -> l.removeAppender(getName()));
        ctx.updateLoggers();
        stop();
    }
}
