package io.github.camelvelaro.examples;

import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The sandbox logs through {@code System.Logger}, which under {@code exec:java} (Maven's JVM, where the example's
 * log4j2 is not the JDK's logging backend) ends up in java.util.logging: its routine lines are turned off here, and
 * log4j2.properties quiets everything else.
 */
final class QuietLogging {

    // java.util.logging holds loggers weakly: a level set on a logger nobody references is lost at the next GC
    private static final Logger SANDBOX = Logger.getLogger("io.github.camelvelaro.sandbox");

    private QuietLogging() {
    }

    static void apply() {
        SANDBOX.setLevel(Level.WARNING);
    }
}
