package io.github.camelvelaro.examples.console;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Where the banner and the summaries go: the console, through a logger whose layout prints the bare line. */
@FunctionalInterface
public interface ExampleConsole {

    void print(String line);

    /** The logger {@code velaro.example.console} (see log4j2.properties). */
    static ExampleConsole standard() {
        Logger logger = LoggerFactory.getLogger("velaro.example.console");
        return logger::info;
    }
}
