package io.github.camelvelaro.velaro.springboot;

import java.util.Set;

import io.github.camelvelaro.velaro.client.HttpClientConfigurer;
import org.apache.camel.support.jsse.SSLContextParameters;
import org.springframework.context.ApplicationContext;
import org.springframework.core.convert.TypeDescriptor;
import org.springframework.core.convert.converter.GenericConverter;

/**
 * Binds the bean-typed {@code camel.component.velaro.*} properties from a bean reference ({@code #bean:name} or
 * {@code #name}), as the converters of Camel's own starters do.
 */
final class VelaroComponentConverter implements GenericConverter {

    private final ApplicationContext applicationContext;

    VelaroComponentConverter(ApplicationContext applicationContext) {
        this.applicationContext = applicationContext;
    }

    @Override
    public Set<ConvertiblePair> getConvertibleTypes() {
        return Set.of(new ConvertiblePair(String.class, SSLContextParameters.class),
                new ConvertiblePair(String.class, HttpClientConfigurer.class));
    }

    @Override
    public Object convert(Object source, TypeDescriptor sourceType, TypeDescriptor targetType) {
        if (source == null) {
            return null;
        }
        String reference = source.toString();
        if (!reference.startsWith("#")) {
            return null;
        }
        String name = reference.startsWith("#bean:") ? reference.substring("#bean:".length()) : reference.substring(1);
        return applicationContext.getBean(name, targetType.getType());
    }
}
