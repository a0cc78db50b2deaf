package io.github.camelvelaro.kamelets;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.UnaryOperator;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.BooleanNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.camelvelaro.kamelets.KameletCatalogRules.Policy;
import io.github.camelvelaro.kamelets.KameletCatalogRules.Rule;
import io.github.camelvelaro.kamelets.KameletCatalogRules.Violation;
import io.github.camelvelaro.kamelets.KameletFiles.Kamelet;
import org.apache.camel.impl.DefaultCamelContext;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The camel-kamelets catalog's rules (see {@link KameletCatalogRules}) applied to this module's kamelets, and each
 * rule shown to catch what it is for: a copy of a kamelet, changed in memory to break it, is reported by that rule.
 */
class KameletCatalogRulesTest {

    static final String PROVIDER = "camel-velaro";
    /** The Camel these kamelets are built and tested with, read from camel-core rather than from the build. */
    static final String CAMEL_VERSION = new DefaultCamelContext(false).getVersion();

    private static final KameletCatalogRules RULES = new KameletCatalogRules(new Policy(PROVIDER, CAMEL_VERSION));
    private static final List<String> NAMES = List.of("velaro-contact-sink", "velaro-conversation-sink",
            "velaro-conversation-source", "velaro-webhook-source");

    @Test
    void theFourKameletsKeepEveryRule() {
        List<Kamelet> kamelets = KameletFiles.load().kamelets();
        assertThat(kamelets).extracting(Kamelet::name).containsExactlyElementsOf(NAMES);

        List<Violation> violations = RULES.check(kamelets);
        assertThat(violations).withFailMessage(() -> "the kamelets break catalog rules:\n" + lines(violations))
                .isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("mutations")
    void aBrokenRuleIsReportedNamingTheKameletAndTheRule(Mutation mutation) {
        List<Kamelet> kamelets = new ArrayList<>(KameletFiles.load().kamelets());
        int index = NAMES.indexOf(mutation.kamelet());
        kamelets.set(index, mutation.change().apply(kamelets.get(index)));

        List<Violation> violations = RULES.check(kamelets);

        assertThat(violations).as("violations of %s", mutation).anySatisfy(violation -> {
            assertThat(violation.kamelet()).isEqualTo(mutation.kamelet());
            assertThat(violation.rule()).isEqualTo(mutation.rule());
            assertThat(violation.toString())
                    .startsWith(mutation.kamelet() + " breaks [" + mutation.rule().id() + "]: ");
        });
        assertThat(violations).as("only the changed kamelet is reported")
                .allSatisfy(violation -> assertThat(violation.kamelet()).isEqualTo(mutation.kamelet()));
    }

    @Test
    void everyRuleHasANegativeControl() {
        assertThat(mutations().map(Mutation::rule).distinct()).containsExactlyInAnyOrder(Rule.values());
    }

    @Test
    void aKeyGivenTwiceIsRefusedNamingTheFile() {
        String yaml = "metadata:\n  name: velaro-x-source\n  name: velaro-y-source\n";
        assertThatThrownBy(() -> KameletFiles.parse("velaro-x-source.kamelet.yaml", yaml))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("velaro-x-source.kamelet.yaml is not valid YAML")
                .hasMessageContaining("Duplicate field 'name'");
    }

    /** One change that breaks one rule in one kamelet. */
    record Mutation(String description, String kamelet, Rule rule, UnaryOperator<Kamelet> change) {
        @Override
        public String toString() {
            return rule.id() + ": " + description + " in " + kamelet;
        }
    }

    static Stream<Mutation> mutations() {
        String source = "velaro-conversation-source";
        String sink = "velaro-contact-sink";
        String webhook = "velaro-webhook-source";
        return Stream.of(
                edit("apiVersion v1alpha1", source, Rule.RESOURCE,
                        k -> k.put("apiVersion", "camel.apache.org/v1alpha1")),
                edit("an annotation that is not a string", sink, Rule.RESOURCE,
                        k -> annotations(k).set("camel.apache.org/kamelet.verified", BooleanNode.TRUE)),
                edit("required not a list", sink, Rule.RESOURCE, k -> definition(k).put("required", "apiKey")),
                new Mutation("file named after another kamelet", sink, Rule.FILE_NAME,
                        k -> new Kamelet("velaro-contacts-sink.kamelet.yaml", k.yaml())),
                edit("type label processor", source, Rule.TYPE, k -> labels(k).put(KameletCatalogRules.TYPE_LABEL,
                        "processor")),
                edit("a source labelled sink", source, Rule.TYPE, k -> labels(k).put(KameletCatalogRules.TYPE_LABEL,
                        "sink")),
                edit("title without the type", source, Rule.DEFINITION,
                        k -> definition(k).put("title", "Velaro Conversations")),
                edit("no description", sink, Rule.DEFINITION, k -> definition(k).remove("description")),
                edit("definition of type string", sink, Rule.DEFINITION, k -> definition(k).put("type", "string")),
                edit("the title of another kamelet", webhook, Rule.UNIQUE,
                        k -> definition(k).put("title", "Velaro Conversation Source")),
                edit("a required property listed twice", sink, Rule.REQUIRED,
                        k -> ((ArrayNode) definition(k).get("required")).add("apiKey")),
                edit("a required property not defined", sink, Rule.REQUIRED,
                        k -> ((ArrayNode) definition(k).get("required")).add("token")),
                edit("a title starting with The", sink, Rule.PROPERTY,
                        k -> property(k, "baseUrl").put("title", "The Base URL")),
                edit("a word not capitalised in a title", sink, Rule.PROPERTY,
                        k -> property(k, "baseUrl").put("title", "Base url")),
                edit("a type that is not JSON schema", source, Rule.PROPERTY,
                        k -> property(k, "delay").put("type", "long")),
                edit("a property without description", source, Rule.PROPERTY,
                        k -> property(k, "status").remove("description")),
                edit("a property named id", source, Rule.PROPERTY,
                        k -> properties(k).set("id", property(k, "status").deepCopy())),
                edit("a string default for an integer", source, Rule.PROPERTY_VALUES,
                        k -> property(k, "delay").put("default", "1000")),
                edit("an enum value of another type", source, Rule.PROPERTY_VALUES,
                        k -> ((ArrayNode) property(k, "status").get("enum")).add(3)),
                edit("a misspelt field", webhook, Rule.SCHEMA_FIELDS,
                        k -> property(k, "webhookPath").put("defualt", "/events")),
                edit("a password without the credentials descriptor", sink, Rule.CREDENTIALS,
                        k -> property(k, "apiKey").remove("x-descriptors")),
                edit("a descriptor listed twice", webhook, Rule.CREDENTIALS,
                        k -> ((ArrayNode) property(k, "webhookSecret").get("x-descriptors"))
                                .add(KameletCatalogRules.CREDENTIALS)),
                edit("a property never used", sink, Rule.PARAMETERS,
                        k -> properties(k).set("siteId", property(k, "baseUrl").deepCopy())),
                edit("a placeholder not declared", source, Rule.PARAMETERS,
                        k -> ((ObjectNode) k.at("/spec/template/from/parameters")).put("pageSize", "{{pageSize}}")),
                edit("a source that never sends to kamelet:sink", source, Rule.TEMPLATE, k -> {
                    ArrayNode steps = (ArrayNode) k.at("/spec/template/from/steps");
                    steps.remove(steps.size() - 1);
                }),
                edit("a sink that does not consume from kamelet:source", sink, Rule.TEMPLATE,
                        k -> ((ObjectNode) k.at("/spec/template/from")).put("uri", "direct:contacts")),
                edit("a dependency on a repository outside Apache", webhook, Rule.DEPENDENCIES,
                        k -> ((ArrayNode) k.at("/spec/dependencies")).add("github:someone/velaro-helpers")),
                edit("a Maven dependency without a version", webhook, Rule.DEPENDENCIES,
                        k -> ((ArrayNode) k.at("/spec/dependencies")).add("mvn:io.github.camelvelaro:camel-velaro")),
                edit("the Apache provider claimed", sink, Rule.ANNOTATIONS,
                        k -> annotations(k).put(KameletCatalogRules.PROVIDER, "Apache Software Foundation")),
                edit("a support level Camel does not know", sink, Rule.ANNOTATIONS,
                        k -> annotations(k).put(KameletCatalogRules.SUPPORT_LEVEL, "Beta")),
                edit("no group", sink, Rule.ANNOTATIONS, k -> annotations(k).remove(KameletCatalogRules.GROUP)),
                edit("no icon", source, Rule.ICON, k -> annotations(k).remove(KameletCatalogRules.ICON)),
                edit("an icon linked from the web", source, Rule.ICON,
                        k -> annotations(k).put(KameletCatalogRules.ICON, "https://example.com/velaro.svg")),
                edit("an icon that loads an outside image", source, Rule.ICON, k -> annotations(k).put(
                        KameletCatalogRules.ICON, svg("<image href=\"https://example.com/velaro.png\"/>"))),
                edit("an icon that fills from the web", source, Rule.ICON, k -> annotations(k).put(
                        KameletCatalogRules.ICON, svg("<rect style=\"fill:url(https://example.com/p)\"/>"))),
                edit("an icon that is not SVG", source, Rule.ICON, k -> annotations(k).put(KameletCatalogRules.ICON,
                        KameletIcon.dataUrl("<html>velaro</html>".getBytes(StandardCharsets.UTF_8)))),
                edit("an icon too large", source, Rule.ICON, k -> annotations(k).put(KameletCatalogRules.ICON,
                        svg("<desc>" + "x".repeat(KameletIcon.MAX_LENGTH) + "</desc>"))),
                edit("the project version as catalog version", sink, Rule.CATALOG_VERSION,
                        k -> annotations(k).put(KameletCatalogRules.CATALOG_VERSION, "0.1.0-SNAPSHOT")));
    }

    private static Mutation edit(String description, String kamelet, Rule rule, Consumer<ObjectNode> change) {
        return new Mutation(description, kamelet, rule, original -> {
            ObjectNode copy = original.yaml().deepCopy();
            change.accept(copy);
            return new Kamelet(original.fileName(), copy);
        });
    }

    private static String svg(String content) {
        String svg = "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 8 8\">" + content + "</svg>";
        return KameletIcon.dataUrl(svg.getBytes(StandardCharsets.UTF_8));
    }

    private static ObjectNode annotations(ObjectNode kamelet) {
        return (ObjectNode) kamelet.at("/metadata/annotations");
    }

    private static ObjectNode labels(ObjectNode kamelet) {
        return (ObjectNode) kamelet.at("/metadata/labels");
    }

    private static ObjectNode definition(ObjectNode kamelet) {
        return (ObjectNode) kamelet.at("/spec/definition");
    }

    private static ObjectNode properties(ObjectNode kamelet) {
        return (ObjectNode) definition(kamelet).get("properties");
    }

    private static ObjectNode property(ObjectNode kamelet, String name) {
        return (ObjectNode) properties(kamelet).get(name);
    }

    private static String lines(List<Violation> violations) {
        return violations.stream().map(Violation::toString).collect(Collectors.joining("\n"));
    }
}
