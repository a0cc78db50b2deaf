package io.github.camelvelaro.kamelets;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.camelvelaro.kamelets.KameletFiles.Kamelet;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The structure of every kamelet file (Kamelet v1 as camel-kamelets writes it), its secrets declared as such, and its
 * template consistent with its parameters: mistakes that would only show when a user runs the kamelet.
 */
class KameletDefinitionsTest {

    private static final Pattern SECRET_NAME = Pattern.compile("(?i).*(key|secret|password|token).*");
    private static final String CREDENTIALS = "urn:camel:group:credentials";
    /** {{name}} or {{?name}}: the kamelet's parameters as its template uses them. */
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{\\{(\\?)?([A-Za-z0-9]+)}}");
    private static final String VERSION = System.getProperty("project.version");

    static Stream<Kamelet> kamelets() {
        return KameletFiles.load().kamelets().stream();
    }

    @ParameterizedTest
    @MethodSource("kamelets")
    void isAKameletV1NamedAfterItsFileAndType(Kamelet kamelet) {
        JsonNode yaml = kamelet.yaml();
        assertThat(yaml.path("apiVersion").asText()).isEqualTo("camel.apache.org/v1");
        assertThat(yaml.path("kind").asText()).isEqualTo("Kamelet");
        assertThat(kamelet.fileName()).isEqualTo(kamelet.name() + KameletFiles.SUFFIX);
        assertThat(kamelet.name()).startsWith("velaro-");

        String type = yaml.path("metadata").path("labels").path("camel.apache.org/kamelet.type").asText();
        assertThat(type).isIn("source", "sink");
        assertThat(kamelet.name()).endsWith("-" + type);

        JsonNode annotations = yaml.path("metadata").path("annotations");
        for (String annotation : List.of("camel.apache.org/kamelet.support.level", "camel.apache.org/provider",
                "camel.apache.org/kamelet.group")) {
            assertThat(annotations.path(annotation).asText()).as(annotation).isNotBlank();
        }
        assertThat(annotations.path("camel.apache.org/catalog.version").asText()).isEqualTo(VERSION);
    }

    @ParameterizedTest
    @MethodSource("kamelets")
    void definesEveryParameterForUsers(Kamelet kamelet) {
        JsonNode definition = kamelet.yaml().path("spec").path("definition");
        assertThat(definition.path("title").asText()).isNotBlank();
        assertThat(definition.path("description").asText()).isNotBlank();
        assertThat(definition.path("type").asText()).isEqualTo("object");
        assertThat(kamelet.properties().isEmpty()).isFalse();
        kamelet.properties().properties().forEach(entry -> {
            JsonNode property = entry.getValue();
            assertThat(property.path("title").asText()).as("title of %s", entry.getKey()).isNotBlank();
            assertThat(property.path("description").asText()).as("description of %s", entry.getKey()).isNotBlank();
            assertThat(property.path("type").asText()).as("type of %s", entry.getKey())
                    .isIn("string", "integer", "boolean");
        });
        assertThat(kamelet.properties().properties().stream().map(e -> e.getKey()).toList())
                .containsAll(required(kamelet));
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
                List<String> descriptors = new ArrayList<>();
                property.path("x-descriptors").forEach(d -> descriptors.add(d.asText()));
                assertThat(descriptors).as("x-descriptors of %s", entry.getKey()).contains(CREDENTIALS);
                assertThat(property.has("default")).as("%s has a default", entry.getKey()).isFalse();
            }
        });
        assertThat(secrets).as("every Velaro kamelet needs a key or a secret").isNotEmpty();
        assertThat(required(kamelet)).containsAll(secrets);
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
     * Each parameter is used by the template and each placeholder is a parameter; a parameter that may be left out
     * (not required, no default) is used only as {{?name}}, or the kamelet would fail when it is left out.
     */
    @ParameterizedTest
    @MethodSource("kamelets")
    void templateUsesExactlyTheParameters(Kamelet kamelet) {
        String template = kamelet.yaml().path("spec").path("template").toString();
        Set<String> used = new HashSet<>();
        Set<String> usedAsMandatory = new HashSet<>();
        Matcher placeholder = PLACEHOLDER.matcher(template);
        while (placeholder.find()) {
            used.add(placeholder.group(2));
            if (placeholder.group(1) == null) {
                usedAsMandatory.add(placeholder.group(2));
            }
        }
        Set<String> declared = new HashSet<>();
        kamelet.properties().properties().forEach(entry -> declared.add(entry.getKey()));
        assertThat(used).as("placeholders").containsExactlyInAnyOrderElementsOf(declared);

        List<String> required = required(kamelet);
        kamelet.properties().properties().forEach(entry -> {
            boolean alwaysSet = required.contains(entry.getKey()) || entry.getValue().has("default");
            assertThat(usedAsMandatory.contains(entry.getKey())).as("%s used as {{%s}}", entry.getKey(),
                    entry.getKey()).isEqualTo(alwaysSet);
        });
    }

    private static List<String> required(Kamelet kamelet) {
        List<String> required = new ArrayList<>();
        kamelet.yaml().path("spec").path("definition").path("required").forEach(r -> required.add(r.asText()));
        return required;
    }
}
