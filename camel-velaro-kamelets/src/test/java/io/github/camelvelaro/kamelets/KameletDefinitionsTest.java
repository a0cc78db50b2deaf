package io.github.camelvelaro.kamelets;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.camelvelaro.kamelets.KameletFiles.Kamelet;
import io.github.camelvelaro.kamelets.TemplatePlaceholders.Placeholder;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What this project adds to the catalog's rules ({@link KameletCatalogRulesTest}): its name prefix, group and icon,
 * its secrets declared as such, its component as a dependency, and optional parameters that may really be left out.
 */
class KameletDefinitionsTest {

    private static final Pattern SECRET_NAME = Pattern.compile("(?i).*(key|secret|password|token).*");
    private static final String VERSION = System.getProperty("project.version");

    private static String icon;

    @BeforeAll
    static void readIcon() throws IOException {
        icon = KameletIcon.dataUrl(Files.readAllBytes(Path.of(System.getProperty("kamelets.icon"))));
    }

    static Stream<Kamelet> kamelets() {
        return KameletFiles.load().kamelets().stream();
    }

    @ParameterizedTest
    @MethodSource("kamelets")
    void isAVelaroKameletWithTheProjectIcon(Kamelet kamelet) {
        assertThat(kamelet.name()).startsWith("velaro-");
        JsonNode annotations = kamelet.yaml().path("metadata").path("annotations");
        assertThat(annotations.path(KameletCatalogRules.GROUP).asText()).isEqualTo("Velaro");
        assertThat(annotations.path(KameletCatalogRules.ICON).asText())
                .as("the icon is src/main/icon/velaro-kamelet.svg").isEqualTo(icon);
    }

    @ParameterizedTest
    @MethodSource("kamelets")
    void declaresSecretsAsCredentialPasswords(Kamelet kamelet) {
        List<String> secrets = new ArrayList<>();
        kamelet.properties().properties().forEach(entry -> {
            JsonNode property = entry.getValue();
            boolean secretByName = SECRET_NAME.matcher(entry.getKey()).matches();
            boolean password = "password".equals(property.path("format").asText());
            assertThat(password).as("%s: format password exactly for secrets", entry.getKey()).isEqualTo(secretByName);
            if (password) {
                secrets.add(entry.getKey());
                assertThat(property.has("default")).as("%s has a default", entry.getKey()).isFalse();
            }
        });
        assertThat(secrets).as("every Velaro kamelet needs a key or a secret").isNotEmpty();
        assertThat(kamelet.required()).containsAll(secrets);
    }

    @ParameterizedTest
    @MethodSource("kamelets")
    void dependsOnTheComponentOfThisVersion(Kamelet kamelet) {
        List<String> dependencies = new ArrayList<>();
        kamelet.yaml().path("spec").path("dependencies").forEach(d -> dependencies.add(d.asText()));
        assertThat(dependencies).contains("camel:kamelet", "mvn:io.github.camelvelaro:camel-velaro:" + VERSION);
    }

    @ParameterizedTest
    @MethodSource("kamelets")
    void templateConnectsToTheKameletEndpoints(Kamelet kamelet) {
        JsonNode from = kamelet.yaml().path("spec").path("template").path("from");
        JsonNode steps = from.path("steps");
        assertThat(steps.isEmpty()).isFalse();
        if (kamelet.name().endsWith("-source")) {
            assertThat(from.path("uri").asText()).doesNotStartWith("kamelet:");
            assertThat(steps.get(steps.size() - 1).path("to").asText()).isEqualTo("kamelet:sink");
        } else {
            assertThat(from.path("uri").asText()).isEqualTo("kamelet:source");
        }
    }

    /**
     * A parameter that may be left out (not required, no default) is used only as {{?name}} (or with a default
     * after a colon), or the kamelet would fail to start when it is left out; one that is always set is never.
     */
    @ParameterizedTest
    @MethodSource("kamelets")
    void optionalParametersAreUsedOnlyAsOptionalPlaceholders(Kamelet kamelet) {
        List<Placeholder> placeholders = TemplatePlaceholders.in(kamelet.yaml().path("spec").path("template"));
        assertThat(placeholders).isNotEmpty();
        List<String> required = kamelet.required();
        for (Placeholder placeholder : placeholders) {
            JsonNode property = kamelet.properties().path(placeholder.name());
            boolean alwaysSet = required.contains(placeholder.name()) || property.has("default");
            assertThat(placeholder.absentIsFine()).as("%s may be left out", placeholder.name()).isNotEqualTo(alwaysSet);
        }
    }
}
