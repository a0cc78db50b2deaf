package io.github.camelvelaro.velaro;

import java.io.InputStream;
import java.lang.reflect.Field;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.camelvelaro.velaro.client.Secrets;
import io.github.camelvelaro.velaro.consumer.PacingOptions;
import org.apache.camel.spi.Metadata;
import org.apache.camel.spi.UriParam;
import org.apache.camel.spi.UriPath;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Each option is declared by one field: the options both the component and endpoints take live in
 * {@link VelaroAccountOptions}, which both nest, instead of a field on each side kept in step by hand.
 */
class OptionsDeclaredOnceTest {

    /** Every class of this component that declares options. */
    private static final List<Class<?>> DECLARING = List.of(VelaroComponent.class, VelaroEndpoint.class,
            VelaroConfiguration.class, VelaroAccountOptions.class, PacingOptions.class);

    @Test
    void noOptionIsDeclaredByTwoFields() {
        Map<String, List<String>> declaredBy = new HashMap<>();
        for (Class<?> type : DECLARING) {
            for (Field field : type.getDeclaredFields()) {
                if (isOption(field) && !isNestedOptions(field)) {
                    declaredBy.computeIfAbsent(field.getName(), n -> new ArrayList<>()).add(type.getSimpleName());
                }
            }
        }
        declaredBy.forEach((option, classes) -> assertThat(classes).as("option %s is declared by", option).hasSize(1));
    }

    @Test
    void theOptionsOfComponentAndEndpointsBothAreTheAccountOptions() throws Exception {
        JsonNode root;
        try (InputStream in = getClass().getClassLoader()
                .getResourceAsStream("META-INF/io/github/camelvelaro/velaro/velaro.json")) {
            root = new ObjectMapper().readTree(in);
        }
        Set<String> both = new TreeSet<>();
        root.path("componentProperties").fieldNames().forEachRemaining(name -> {
            if (root.path("properties").has(name)) {
                both.add(name);
            }
        });
        // Camel's own switches are on both sides by Camel's base classes, not by ours
        both.removeAll(Set.of("bridgeErrorHandler", "lazyStartProducer"));
        Set<String> account = new TreeSet<>();
        for (Field field : VelaroAccountOptions.class.getDeclaredFields()) {
            if (isOption(field)) {
                account.add(field.getName());
            }
        }
        assertThat(both).isEqualTo(account).contains("apiKey", "baseUrl", "siteId");
    }

    @Test
    void anEndpointChangesACopyOfTheComponentsAccount() {
        VelaroAccountOptions component = new VelaroAccountOptions();
        component.setApiKey("vlk_" + "A".repeat(48));
        component.setRateLimitPerMinute(30);

        VelaroAccountOptions endpoint = component.copy();
        endpoint.setRateLimitPerMinute(10);

        assertThat(endpoint.getApiKey()).isEqualTo(component.getApiKey());
        assertThat(component.getRateLimitPerMinute()).isEqualTo(30);
        assertThat(endpoint.toString()).contains(Secrets.maskApiKey(component.getApiKey()))
                .doesNotContain(component.getApiKey());
    }

    private static boolean isOption(Field field) {
        return field.isAnnotationPresent(UriParam.class) || field.isAnnotationPresent(UriPath.class)
               || field.isAnnotationPresent(Metadata.class);
    }

    /** A field that groups options declared in its own class, as {@code account} does. */
    private static boolean isNestedOptions(Field field) {
        return field.getType().isAnnotationPresent(org.apache.camel.spi.UriParams.class);
    }
}
