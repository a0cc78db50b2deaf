package io.github.camelvelaro.velaro.springboot;

import io.github.camelvelaro.velaro.VelaroComponent;
import org.apache.camel.CamelContext;
import org.apache.camel.Component;
import org.apache.camel.spi.ComponentCustomizer;
import org.apache.camel.spring.boot.util.CamelPropertiesHelper;
import org.apache.camel.spring.boot.util.HierarchicalPropertiesEvaluator;
import org.springframework.core.env.Environment;

/**
 * Copies the bound {@code camel.component.velaro.*} properties onto each Velaro component Camel creates, unless
 * {@code camel.component.customizer.enabled} or {@code camel.component.velaro.customizer.enabled} is false.
 */
final class VelaroComponentCustomizer implements ComponentCustomizer {

    private final CamelContext camelContext;
    private final Environment environment;
    private final VelaroComponentConfiguration configuration;

    VelaroComponentCustomizer(CamelContext camelContext, Environment environment,
                              VelaroComponentConfiguration configuration) {
        this.camelContext = camelContext;
        this.environment = environment;
        this.configuration = configuration;
    }

    @Override
    public void configure(String name, Component target) {
        // through the component's generated configurer, the same path Camel Main takes for these properties
        CamelPropertiesHelper.copyProperties(camelContext, configuration, target);
    }

    @Override
    public boolean isEnabled(String name, Component target) {
        return target instanceof VelaroComponent
               && HierarchicalPropertiesEvaluator.evaluate(environment, "camel.component.customizer",
                       VelaroComponentConfiguration.PREFIX + ".customizer");
    }
}
