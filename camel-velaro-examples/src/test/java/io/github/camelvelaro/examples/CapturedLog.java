package io.github.camelvelaro.examples;

import java.io.StringWriter;

import org.apache.logging.log4j.Level;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.core.LoggerContext;
import org.apache.logging.log4j.core.appender.WriterAppender;
import org.apache.logging.log4j.core.config.Configuration;
import org.apache.logging.log4j.core.config.LoggerConfig;
import org.apache.logging.log4j.core.layout.PatternLayout;

/**
 * Everything logged while it is open, through the example's own console layout (log4j2.properties), so a test sees
 * what a user would see: the route lines, the component's lines and Camel's warnings.
 */
final class CapturedLog implements AutoCloseable {

    private static final String NAME = "captured";

    private final StringWriter text = new StringWriter();
    private final LoggerContext context = (LoggerContext) LogManager.getContext(false);

    CapturedLog() {
        Configuration config = context.getConfiguration();
        PatternLayout layout = (PatternLayout) config.getAppender("console").getLayout();
        WriterAppender appender = WriterAppender.createAppender(layout, null, text, NAME, false, true);
        appender.start();
        config.addAppender(appender);
        // the root, and the loggers that do not pass their events on to it (the console's own)
        config.getRootLogger().addAppender(appender, Level.ALL, null);
        for (LoggerConfig logger : config.getLoggers().values()) {
            if (!logger.isAdditive()) {
                logger.addAppender(appender, Level.ALL, null);
            }
        }
        context.updateLoggers();
    }

    String text() {
        synchronized (text) {
            return text.toString();
        }
    }

    @Override
    public void close() {
        Configuration config = context.getConfiguration();
        for (LoggerConfig logger : config.getLoggers().values()) {
            logger.removeAppender(NAME);
        }
        config.getRootLogger().removeAppender(NAME);
        context.updateLoggers();
    }
}
