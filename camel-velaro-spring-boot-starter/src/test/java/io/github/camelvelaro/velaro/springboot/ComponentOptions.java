package io.github.camelvelaro.velaro.springboot;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The component options as camel-component-maven-plugin wrote them into the velaro.json of the camel-velaro jar: the
 * list the starter must cover, read here on its own (not through camel-velaro-spring-boot-generator), so that an option
 * the generated configuration drops or mistypes fails these tests. Bean options (type object, autowired, such as {@code quotaStore}) are not properties: Camel sets them from
 * the one bean of their type in the application context, which {@code VelaroComponentAutoConfigurationTest} checks.
 */
record ComponentOptions(List<Option> options) {

    static final String VELARO_JSON = "META-INF/io/github/camelvelaro/velaro/velaro.json";

    /** One entry of velaro.json's componentProperties; {@code defaultValue} is null when it has none. */
    record Option(String name, String type, String javaType, JsonNode defaultValue, boolean secret) {

        /** The Spring Boot property, e.g. camel.component.velaro.rate-limit-per-minute. */
        String property() {
            return VelaroComponentConfiguration.PREFIX + "." + name.replaceAll("([A-Z])", "-$1").toLowerCase();
        }
    }

    static boolean isAutowiredBean(JsonNode option) {
        return "object".equals(option.path("type").asText()) && option.path("autowired").asBoolean();
    }

    /** The names of the bean options, which the starter leaves to Camel's autowiring. */
    static List<String> autowiredBeans() {
        try (InputStream in = ComponentOptions.class.getClassLoader().getResourceAsStream(VELARO_JSON)) {
            List<String> names = new ArrayList<>();
            for (Map.Entry<String, JsonNode> entry : new ObjectMapper().readTree(in).path("componentProperties")
                    .properties()) {
                if (isAutowiredBean(entry.getValue())) {
                    names.add(entry.getKey());
                }
            }
            return names;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The names of the secret options of the component and of its endpoints. */
    static Set<String> secretOptionNames() {
        try (InputStream in = ComponentOptions.class.getClassLoader().getResourceAsStream(VELARO_JSON)) {
            JsonNode root = new ObjectMapper().readTree(in);
            Set<String> names = new TreeSet<>();
            for (String section : List.of("componentProperties", "properties")) {
                for (Map.Entry<String, JsonNode> entry : root.path(section).properties()) {
                    if (entry.getValue().path("secret").asBoolean()) {
                        names.add(entry.getKey());
                    }
                }
            }
            return names;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static ComponentOptions load() {
        try (InputStream in = ComponentOptions.class.getClassLoader().getResourceAsStream(VELARO_JSON)) {
            if (in == null) {
                throw new IllegalStateException(VELARO_JSON + " is not on the test classpath");
            }
            JsonNode properties = new ObjectMapper().readTree(in).path("componentProperties");
            List<Option> options = new ArrayList<>();
            for (Map.Entry<String, JsonNode> entry : properties.properties()) {
                JsonNode option = entry.getValue();
                if (isAutowiredBean(option)) {
                    continue;
                }
                options.add(new Option(entry.getKey(), option.path("type").asText(), option.path("javaType").asText(),
                        option.get("defaultValue"),
                        option.path("secret").asBoolean()));
            }
            if (options.isEmpty()) {
                throw new IllegalStateException(VELARO_JSON + " lists no component options");
            }
            return new ComponentOptions(List.copyOf(options));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
