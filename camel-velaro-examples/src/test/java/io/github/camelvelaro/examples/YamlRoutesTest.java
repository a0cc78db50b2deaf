package io.github.camelvelaro.examples;

/** The YAML DSL routes (src/main/resources/routes/*.camel.yaml) against the sandbox: the same behaviour. */
class YamlRoutesTest extends ExampleRoutesTestSupport {

    @Override
    protected ExampleSettings.RoutesDsl routes() {
        return ExampleSettings.RoutesDsl.YAML;
    }
}
