package io.github.camelvelaro.velaro.springboot;

import org.apache.camel.CamelContext;
import org.apache.camel.spi.ComponentCustomizer;
import org.apache.camel.spring.boot.CamelAutoConfiguration;
import org.apache.camel.spring.boot.ComponentConfigurationProperties;
import org.apache.camel.spring.boot.util.ConditionalOnCamelContextAndAutoConfigurationBeans;
import org.apache.camel.spring.boot.util.ConditionalOnHierarchicalProperties;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.context.properties.ConfigurationPropertiesBinding;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Lazy;
import org.springframework.core.env.Environment;

/**
 * Binds {@code camel.component.velaro.*} and hands it to Camel as a {@link ComponentCustomizer}, the way Camel's own
 * component starters do. Without it Spring Boot leaves those properties unused (unlike Camel Main). Switched off by
 * {@code camel.component.enabled=false} or {@code camel.component.velaro.enabled=false}.
 */
@AutoConfiguration(after = CamelAutoConfiguration.class)
@Conditional(ConditionalOnCamelContextAndAutoConfigurationBeans.class)
@ConditionalOnHierarchicalProperties({"camel.component", VelaroComponentConfiguration.PREFIX})
@EnableConfigurationProperties({ComponentConfigurationProperties.class, VelaroComponentConfiguration.class})
public class VelaroComponentAutoConfiguration {

    @Bean
    @ConfigurationPropertiesBinding
    static org.springframework.core.convert.converter.GenericConverter velaroComponentConverter(
            org.springframework.context.ApplicationContext applicationContext) {
        return new VelaroComponentConverter(applicationContext);
    }

    // lazy, as in Camel's starters: Camel looks customizers up when it creates the component, not at refresh
    @Lazy
    @Bean
    public ComponentCustomizer configureVelaroComponent(CamelContext camelContext, Environment environment,
                                                        VelaroComponentConfiguration configuration) {
        return new VelaroComponentCustomizer(camelContext, environment, configuration);
    }
}
