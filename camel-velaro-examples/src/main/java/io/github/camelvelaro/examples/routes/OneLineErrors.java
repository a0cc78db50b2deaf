package io.github.camelvelaro.examples.routes;

import org.apache.camel.LoggingLevel;
import org.apache.camel.builder.RouteConfigurationBuilder;

/**
 * Error handling for every route: one line naming the route and the error, no stack trace. The exception is not
 * handled, on purpose: a failing webhook delivery is answered 500 so Velaro redelivers it, and a failing polled
 * conversation keeps the poller's offset before it so the next poll retries it.
 */
public class OneLineErrors extends RouteConfigurationBuilder {

    @Override
    public void configuration() {
        // no id: a route configuration without one applies to every route
        routeConfiguration()
                .onException(Exception.class)
                    .maximumRedeliveries(0)
                    // the line below says it all; Camel's own "exhausted" report adds a stack trace and a history table
                    .logExhausted(false)
                    .log(LoggingLevel.WARN, "velaro.example", "${routeId} failed: ${exception.class.simpleName}: ${exception.message}");
    }
}
