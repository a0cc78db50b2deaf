package io.github.camelvelaro.velaro.springboot;

import java.util.Set;
import java.util.stream.Collectors;

import org.springframework.context.ApplicationContext;
import org.springframework.core.convert.TypeDescriptor;
import org.springframework.core.convert.converter.GenericConverter;

/**
 * Binds the bean-typed {@code camel.component.velaro.*} properties from a bean reference ({@code #bean:name} or
 * {@code #name}), as the converters of Camel's own starters do. The types are those of the component's bean options,
 * which the generated VelaroOptions lists.
 */
final class VelaroComponentConverter implements GenericConverter {

    private final ApplicationContext applicationContext;

    VelaroComponentConverter(ApplicationContext applicationContext) {
        this.applicationContext = applicationContext;
    }

    @Override
    public Set<ConvertiblePair> getConvertibleTypes() {
        return VelaroOptions.BEAN_REFERENCE_TYPES.stream()
                .map(type -> new ConvertiblePair(String.class, type))
                .collect(Collectors.toUnmodifiableSet());
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
