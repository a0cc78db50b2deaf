package io.github.camelvelaro.examples;

/** The Java DSL routes against the sandbox. */
class JavaRoutesTest extends ExampleRoutesTestSupport {

    @Override
    protected ExampleSettings.RoutesDsl routes() {
        return ExampleSettings.RoutesDsl.JAVA;
    }
}
