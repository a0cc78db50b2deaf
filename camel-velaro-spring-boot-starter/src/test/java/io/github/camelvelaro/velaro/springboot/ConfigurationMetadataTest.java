package io.github.camelvelaro.velaro.springboot;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.camelvelaro.velaro.springboot.ComponentOptions.Option;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The spring-configuration-metadata.json that the configuration processor wrote next to the starter's classes (what
 * the jar ships and IDEs complete from) against the component's own velaro.json.
 */
class ConfigurationMetadataTest {

    private static final Pattern SECRET_LOOKING = Pattern.compile("(?i).*(key|secret|password|token|credential).*");
    /** The two switches every Camel starter adds beside the component's options. */
    private static final Set<String> STARTER_SWITCHES =
            Set.of("camel.component.velaro.enabled", "camel.component.velaro.customizer.enabled");
    /** Cluster mode on the application's database (VelaroClusterJdbcProperties), not a component option. */
    private static final Set<String> CLUSTER_PROPERTIES = Set.of("camel.component.velaro.cluster.jdbc.enabled",
            "camel.component.velaro.cluster.jdbc.create-schema", "camel.component.velaro.cluster.jdbc.scope");

    private static ComponentOptions component;
    private static Map<String, JsonNode> metadata;

    @BeforeAll
    static void load() throws IOException, URISyntaxException {
        component = ComponentOptions.load();
        // the directory VelaroComponentConfiguration was compiled to, so that camel-spring-boot's own metadata file
        // on the classpath cannot stand in for ours
        Path classes = Path.of(VelaroComponentConfiguration.class.getProtectionDomain().getCodeSource().getLocation()
                .toURI());
        Path file = classes.resolve("META-INF/spring-configuration-metadata.json");
        assertThat(file).as("the configuration processor did not run").exists();
        metadata = new LinkedHashMap<>();
        for (JsonNode property : new ObjectMapper().readTree(Files.readString(file)).path("properties")) {
            metadata.put(property.path("name").asText(), property);
        }
    }

    @Test
    void listsEveryComponentOptionOfVelaroJson() {
        assertThat(metadata.keySet())
                .containsAll(component.options().stream().map(Option::property).toList());
    }

    @Test
    void listsNothingElseButTheStarterSwitches() {
        Set<String> expected = new java.util.HashSet<>(STARTER_SWITCHES);
        expected.addAll(CLUSTER_PROPERTIES);
        component.options().forEach(option -> expected.add(option.property()));
        assertThat(metadata.keySet()).containsExactlyInAnyOrderElementsOf(expected);
    }

    @Test
    void describesEveryProperty() {
        metadata.forEach((name, property) -> assertThat(property.path("description").asText())
                .as("description of %s", name).isNotBlank());
    }

    @Test
    void typesMatchTheComponentOptions() {
        for (Option option : component.options()) {
            String javaType = metadataOf(option).path("type").asText();
            String expected = switch (option.type()) {
                case "string" -> "java.lang.String";
                case "boolean" -> "java.lang.Boolean";
                case "integer" -> "java.lang.Integer";
                case "object" -> option.javaType(); // a bean reference, bound by VelaroComponentConverter
                default -> throw new AssertionError(option.name() + " has a type the starter does not map: "
                                                    + option.type());
            };
            assertThat(javaType).as("type of %s", option.property()).isEqualTo(expected);
        }
    }

    @Test
    void defaultsAreTheComponentDefaults() {
        for (Option option : component.options()) {
            JsonNode shown = metadataOf(option).get("defaultValue");
            if (option.defaultValue() == null) {
                assertThat(shown).as("default of %s", option.property()).isNull();
            } else {
                assertThat(shown).as("default of %s", option.property()).isNotNull();
                assertThat(shown.asText()).as("default of %s", option.property())
                        .isEqualTo(option.defaultValue().asText());
            }
        }
    }

    @Test
    void nothingSecretLookingHasADefault() {
        component.options().stream().filter(Option::secret)
                .forEach(option -> assertThat(metadataOf(option).has("defaultValue"))
                        .as("%s is secret", option.property()).isFalse());
        metadata.forEach((name, property) -> {
            if (SECRET_LOOKING.matcher(name).matches()) {
                assertThat(property.has("defaultValue")).as("%s looks secret", name).isFalse();
            }
        });
    }

    private static JsonNode metadataOf(Option option) {
        JsonNode property = metadata.get(option.property());
        assertThat(property).as("metadata of %s", option.property()).isNotNull();
        return property;
    }
}
