package io.github.camelvelaro.velaro.webhook;

import java.beans.Introspector;
import java.beans.PropertyDescriptor;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import org.apache.camel.spi.RestConfiguration;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The webhook's own copy of the REST configuration: every property of the shared one (a Camel upgrade that adds one
 * fails here), plus {@code useBodyHandler=false}, and the shared one untouched.
 */
class WebhookTransportTest {

    @Test
    void theCopyHasEveryPropertyAndUnreadBodies() throws Exception {
        List<PropertyDescriptor> properties = Arrays.stream(
                Introspector.getBeanInfo(RestConfiguration.class, Object.class).getPropertyDescriptors())
                .filter(p -> p.getReadMethod() != null && p.getWriteMethod() != null).toList();
        assertThat(properties).hasSizeGreaterThan(25);
        RestConfiguration shared = new RestConfiguration();
        for (PropertyDescriptor property : properties) {
            property.getWriteMethod().invoke(shared, valueOtherThanDefault(property, shared));
        }

        RestConfiguration copy = WebhookTransport.withUnreadBodies(shared);

        for (PropertyDescriptor property : properties) {
            Object expected = property.getReadMethod().invoke(shared);
            Object copied = property.getReadMethod().invoke(copy);
            if (property.getName().equals("endpointProperties")) {
                assertThat(copied).isEqualTo(Map.of("endpointProperties", "set", "useBodyHandler", "false"));
            } else {
                assertThat(copied).as(property.getName()).isEqualTo(expected);
            }
        }
        assertThat(shared.getEndpointProperties()).as("the shared configuration is left alone")
                .isEqualTo(Map.of("endpointProperties", "set"));
    }

    @Test
    void withoutASharedConfigurationOnlyTheBodyHandlerIsSet() {
        assertThat(WebhookTransport.withUnreadBodies(null).getEndpointProperties())
                .isEqualTo(Map.of("useBodyHandler", "false"));
    }

    private static Object valueOtherThanDefault(PropertyDescriptor property, RestConfiguration defaults)
            throws Exception {
        Class<?> type = property.getPropertyType();
        if (type == String.class) {
            return "x-" + property.getName();
        }
        if (type == boolean.class) {
            return !(Boolean) property.getReadMethod().invoke(defaults);
        }
        if (type == int.class) {
            return 4711;
        }
        if (type.isEnum()) {
            Object current = property.getReadMethod().invoke(defaults);
            return Arrays.stream(type.getEnumConstants()).filter(c -> c != current).findFirst().orElseThrow();
        }
        if (type == Map.class) {
            return Map.of(property.getName(), "set");
        }
        throw new AssertionError("RestConfiguration has a property of a type this test does not know: "
                                 + property.getName() + " (" + type + ")");
    }
}
