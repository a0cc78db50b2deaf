package io.github.camelvelaro.kamelets;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.camelvelaro.kamelets.KameletFiles.Kamelet;

/**
 * The rules the Apache camel-kamelets catalog applies to its Kamelets (its validator, {@code script/validator}, and
 * the MUSTs of its README), written again for this module, with a few from the Kamelet CRD and this project. Every
 * broken rule of every kamelet is reported, each naming the kamelet, the rule and the problem.
 */
final class KameletCatalogRules {

    /** A rule, by the id the README lists it under, and where it comes from. */
    enum Rule {
        RESOURCE("resource", "CRD"),
        FILE_NAME("file-name", "validator"),
        TYPE("type", "validator"),
        DEFINITION("definition", "validator"),
        UNIQUE("unique", "validator"),
        REQUIRED("required", "validator"),
        PROPERTY("property", "validator, catalog README"),
        PROPERTY_VALUES("property-values", "this project"),
        SCHEMA_FIELDS("schema-fields", "CRD"),
        CREDENTIALS("credentials", "validator"),
        PARAMETERS("parameters", "validator"),
        TEMPLATE("template", "validator"),
        DEPENDENCIES("dependencies", "validator, catalog README"),
        ANNOTATIONS("annotations", "validator, this project"),
        ICON("icon", "validator, catalog README"),
        CATALOG_VERSION("catalog-version", "validator, CRD");

        private final String id;
        private final String origin;

        Rule(String id, String origin) {
            this.id = id;
            this.origin = origin;
        }

        String id() {
            return id;
        }

        String origin() {
            return origin;
        }
    }

    record Violation(String kamelet, Rule rule, String problem) {
        @Override
        public String toString() {
            return kamelet + " breaks [" + rule.id() + "]: " + problem;
        }
    }

    /** This catalog's values where the Apache catalog requires its own (its provider, its Camel version). */
    record Policy(String provider, String camelVersion) {
    }

    static final String TYPE_LABEL = "camel.apache.org/kamelet.type";
    static final String ICON = "camel.apache.org/kamelet.icon";
    static final String SUPPORT_LEVEL = "camel.apache.org/kamelet.support.level";
    static final String CATALOG_VERSION = "camel.apache.org/catalog.version";
    static final String PROVIDER = "camel.apache.org/provider";
    static final String GROUP = "camel.apache.org/kamelet.group";
    static final String CREDENTIALS = "urn:camel:group:credentials";

    private static final Set<String> TYPES = Set.of("source", "sink", "action");
    /** Camel's support levels (Experimental, Preview, Stable), as the catalog and Kaoto show them. */
    private static final Set<String> SUPPORT_LEVELS = Set.of("Experimental", "Preview", "Stable");
    private static final Set<String> JSON_SCHEMA_TYPES = Set.of("string", "integer", "number", "boolean", "array",
            "object");
    /** The fields of JSONSchemaProps and JSONSchemaProp in the Kamelet CRD: anything else is a typo it drops. */
    private static final Set<String> DEFINITION_FIELDS = Set.of("id", "description", "title", "properties",
            "required", "example", "externalDocs", "$schema", "type");
    private static final Set<String> PROPERTY_FIELDS = Set.of("id", "deprecated", "description", "type", "format",
            "title", "default", "maximum", "exclusiveMaximum", "minimum", "exclusiveMinimum", "maxLength",
            "minLength", "pattern", "maxItems", "minItems", "uniqueItems", "maxProperties", "minProperties",
            "multipleOf", "enum", "example", "nullable", "x-descriptors");
    /** Short English words a title may keep in lower case ("Rate per Minute"); every other word is capitalised. */
    private static final Set<String> MINOR_WORDS = Set.of("a", "an", "the", "and", "or", "nor", "but", "of", "to",
            "in", "on", "at", "by", "for", "from", "with", "as", "per", "via", "into");
    /** A Kubernetes object name (DNS-1123 label), which is also what a kamelet: URI can name. */
    private static final Pattern NAME = Pattern.compile("[a-z0-9]([-a-z0-9]{0,61}[a-z0-9])?");

    private final Policy policy;

    KameletCatalogRules(Policy policy) {
        this.policy = policy;
    }

    List<Violation> check(List<Kamelet> kamelets) {
        List<Violation> violations = new ArrayList<>();
        for (Kamelet kamelet : kamelets) {
            new Check(kamelet, violations).run();
        }
        unique(kamelets, violations);
        oneCatalogVersion(kamelets, violations);
        return violations;
    }

    /** The rules about one kamelet. */
    private final class Check {
        private final Kamelet kamelet;
        private final JsonNode yaml;
        private final JsonNode definition;
        private final List<Violation> violations;

        Check(Kamelet kamelet, List<Violation> violations) {
            this.kamelet = kamelet;
            this.yaml = kamelet.yaml();
            this.definition = yaml.path("spec").path("definition");
            this.violations = violations;
        }

        void run() {
            resource();
            fileName();
            String type = type();
            definition(type);
            required();
            kamelet.properties().properties().forEach(entry -> property(entry.getKey(), entry.getValue()));
            parameters();
            template(type);
            dependencies();
            annotations();
            icon();
            catalogVersionIsCamels();
        }

        private void resource() {
            expect(Rule.RESOURCE, "camel.apache.org/v1".equals(yaml.path("apiVersion").asText()),
                    "apiVersion is \"%s\", not camel.apache.org/v1", yaml.path("apiVersion").asText());
            expect(Rule.RESOURCE, "Kamelet".equals(yaml.path("kind").asText()), "kind is \"%s\", not Kamelet",
                    yaml.path("kind").asText());
            expect(Rule.RESOURCE, NAME.matcher(kamelet.name()).matches(),
                    "metadata.name \"%s\" is not a Kubernetes name (lower case letters, digits and -)",
                    kamelet.name());
            expect(Rule.RESOURCE, definition.isObject(), "has no spec.definition");
            expect(Rule.RESOURCE, yaml.path("spec").path("template").isObject(), "has no spec.template");
            for (String map : List.of("annotations", "labels")) {
                yaml.path("metadata").path(map).properties().forEach(entry -> expect(Rule.RESOURCE,
                        entry.getValue().isTextual(), "%s value of %s is %s, not a string", map, entry.getKey(),
                        entry.getValue().getNodeType()));
            }
            expect(Rule.RESOURCE, kamelet.properties().isMissingNode() || kamelet.properties().isObject(),
                    "spec.definition.properties is not a map of properties");
        }

        private void fileName() {
            expect(Rule.FILE_NAME, kamelet.fileName().equals(kamelet.name() + KameletFiles.SUFFIX),
                    "file %s does not match metadata.name: %s%s expected", kamelet.fileName(), kamelet.name(),
                    KameletFiles.SUFFIX);
        }

        /** The type label, or null when it is not one of the three. */
        private String type() {
            String type = label(TYPE_LABEL);
            if (!TYPES.contains(type)) {
                fail(Rule.TYPE, "label %s is \"%s\", not source, sink or action", TYPE_LABEL, type);
                return null;
            }
            expect(Rule.TYPE, kamelet.name().endsWith("-" + type), "name does not end with -%s", type);
            return type;
        }

        private void definition(String type) {
            String title = definition.path("title").asText();
            expect(Rule.DEFINITION, !title.isBlank(), "spec.definition has no title");
            if (!title.isBlank() && type != null) {
                String suffix = type.substring(0, 1).toUpperCase(Locale.ROOT) + type.substring(1);
                expect(Rule.DEFINITION, title.endsWith(suffix), "title \"%s\" does not end with \"%s\"", title,
                        suffix);
            }
            expect(Rule.DEFINITION, !definition.path("description").asText().isBlank(),
                    "spec.definition has no description");
            expect(Rule.DEFINITION, "object".equals(definition.path("type").asText()),
                    "spec.definition has type \"%s\", not object", definition.path("type").asText());
            definition.fieldNames().forEachRemaining(field -> expect(Rule.SCHEMA_FIELDS,
                    DEFINITION_FIELDS.contains(field), "spec.definition has the field %s, unknown to the CRD", field));
        }

        private void required() {
            Set<String> seen = new LinkedHashSet<>();
            for (String name : strings(definition.path("required"), "spec.definition.required")) {
                expect(Rule.REQUIRED, seen.add(name), "required property %s is listed twice", name);
                expect(Rule.REQUIRED, kamelet.properties().has(name), "required property %s is not defined", name);
            }
        }

        private void property(String name, JsonNode property) {
            expect(Rule.PROPERTY, !"id".equals(name), "property id is reserved for every kamelet");
            String type = property.path("type").asText();
            expect(Rule.PROPERTY, JSON_SCHEMA_TYPES.contains(type),
                    "property %s has type \"%s\", not a JSON-schema type (%s)", name, type,
                    String.join(", ", new TreeSet<>(JSON_SCHEMA_TYPES)));
            String title = property.path("title").asText();
            expect(Rule.PROPERTY, !title.isBlank(), "property %s has no title", name);
            for (String article : List.of("The ", "A ", "An ")) {
                expect(Rule.PROPERTY, !title.startsWith(article), "property %s has a title starting with \"%s\"",
                        name, article);
            }
            for (String word : title.split(" ")) {
                boolean minor = MINOR_WORDS.contains(word.toLowerCase(Locale.ROOT));
                expect(Rule.PROPERTY, minor || word.isEmpty() || !Character.isLowerCase(word.charAt(0)),
                        "property %s has a word not capitalised in its title: \"%s\"", name, word);
            }
            expect(Rule.PROPERTY, !property.path("description").asText().isBlank(), "property %s has no description",
                    name);
            property.fieldNames().forEachRemaining(field -> expect(Rule.SCHEMA_FIELDS,
                    PROPERTY_FIELDS.contains(field), "property %s has the field %s, unknown to the CRD", name, field));
            if (JSON_SCHEMA_TYPES.contains(type)) {
                values(name, property, type);
            }
            credentials(name, property);
        }

        /** default, example and enum hold values of the property's type, as a form built from the schema needs. */
        private void values(String name, JsonNode property, String type) {
            for (String field : List.of("default", "example")) {
                if (property.has(field)) {
                    expect(Rule.PROPERTY_VALUES, isOfType(property.get(field), type),
                            "property %s has a %s that is not of type %s: %s", name, field, type, property.get(field));
                }
            }
            if (property.has("enum")) {
                expect(Rule.PROPERTY_VALUES, property.get("enum").isArray() && !property.get("enum").isEmpty(),
                        "property %s has an enum that is not a list of values", name);
                property.get("enum").forEach(value -> expect(Rule.PROPERTY_VALUES, isOfType(value, type),
                        "property %s has an enum value that is not of type %s: %s", name, type, value));
            }
        }

        private void credentials(String name, JsonNode property) {
            List<String> descriptors = strings(property.path("x-descriptors"), "x-descriptors of " + name);
            if ("password".equals(property.path("format").asText())) {
                expect(Rule.CREDENTIALS, descriptors.contains(CREDENTIALS),
                        "property %s has format password but not the descriptor %s", name, CREDENTIALS);
            }
            Set<String> seen = new LinkedHashSet<>();
            for (String descriptor : descriptors) {
                expect(Rule.CREDENTIALS, !descriptor.startsWith("urn:alm:descriptor:com.tectonic.ui"),
                        "property %s uses the deprecated descriptor %s; use %s", name, descriptor, CREDENTIALS);
                expect(Rule.CREDENTIALS, seen.add(descriptor), "property %s lists the descriptor %s twice", name,
                        descriptor);
            }
        }

        /** Each declared property (or template bean) is used as a placeholder, and each placeholder is declared. */
        private void parameters() {
            JsonNode template = yaml.path("spec").path("template");
            Set<String> declared = new TreeSet<>();
            kamelet.properties().fieldNames().forEachRemaining(declared::add);
            template.path("beans").forEach(bean -> declared.add(bean.path("name").asText()));
            Set<String> used = new TreeSet<>();
            TemplatePlaceholders.in(template).forEach(placeholder -> used.add(placeholder.name()));
            for (String name : used) {
                expect(Rule.PARAMETERS, declared.contains(name), "the template uses {{%s}}, which is not declared",
                        name);
            }
            for (String name : declared) {
                expect(Rule.PARAMETERS, used.contains(name), "property %s is declared but never used", name);
            }
        }

        /** A source sends to kamelet:sink, a sink consumes from kamelet:source. */
        private void template(String type) {
            String endpoint = "source".equals(type) ? "kamelet:sink" : "sink".equals(type) ? "kamelet:source" : null;
            if (endpoint != null) {
                List<String> uris = new ArrayList<>();
                TemplatePlaceholders.eachString(yaml.path("spec").path("template"), uris::add);
                expect(Rule.TEMPLATE, uris.stream().anyMatch(uri -> uri.startsWith(endpoint)),
                        "a %s must use %s in its template", type, endpoint);
            }
        }

        private void dependencies() {
            for (String dependency : strings(yaml.path("spec").path("dependencies"), "spec.dependencies")) {
                boolean valid;
                if (dependency.startsWith("mvn:")) {
                    String[] gav = dependency.substring(4).split(":", -1);
                    valid = gav.length >= 3 && List.of(gav).stream().noneMatch(String::isBlank);
                } else if (dependency.startsWith("camel:")) {
                    valid = dependency.length() > "camel:".length();
                } else {
                    valid = dependency.startsWith("github:apache/");
                }
                expect(Rule.DEPENDENCIES, valid,
                        "dependency \"%s\" is not camel:<component>, mvn:group:artifact:version or github:apache/...",
                        dependency);
            }
        }

        private void annotations() {
            String level = annotation(SUPPORT_LEVEL);
            expect(Rule.ANNOTATIONS, SUPPORT_LEVELS.contains(level), "annotation %s is \"%s\", not one of %s",
                    SUPPORT_LEVEL, level, new TreeSet<>(SUPPORT_LEVELS));
            expect(Rule.ANNOTATIONS, policy.provider().equals(annotation(PROVIDER)),
                    "annotation %s is \"%s\", not \"%s\"", PROVIDER, annotation(PROVIDER), policy.provider());
            expect(Rule.ANNOTATIONS, !annotation(GROUP).isBlank(), "annotation %s is missing", GROUP);
        }

        private void icon() {
            String icon = annotation(ICON);
            if (icon.isBlank()) {
                fail(Rule.ICON, "annotation %s is missing", ICON);
            } else {
                KameletIcon.problems(icon).forEach(problem -> fail(Rule.ICON, "%s", problem));
            }
        }

        private void catalogVersionIsCamels() {
            String version = KameletCatalogRules.catalogVersion(kamelet);
            expect(Rule.CATALOG_VERSION, policy.camelVersion().equals(version),
                    "annotation %s is \"%s\", not the Camel version the kamelets are built for, %s", CATALOG_VERSION,
                    version, policy.camelVersion());
        }

        /** The node's strings; a RESOURCE violation when it is there but not a list of strings. */
        private List<String> strings(JsonNode node, String where) {
            List<String> strings = new ArrayList<>();
            if (node.isMissingNode()) {
                return strings;
            }
            expect(Rule.RESOURCE, node.isArray(), "%s is not a list", where);
            node.forEach(item -> {
                expect(Rule.RESOURCE, item.isTextual(), "%s holds %s, not a string", where, item);
                strings.add(item.asText());
            });
            return strings;
        }

        private String annotation(String name) {
            return yaml.path("metadata").path("annotations").path(name).asText();
        }

        private String label(String name) {
            return yaml.path("metadata").path("labels").path(name).asText();
        }

        private void expect(Rule rule, boolean holds, String problem, Object... arguments) {
            if (!holds) {
                fail(rule, problem, arguments);
            }
        }

        private void fail(Rule rule, String problem, Object... arguments) {
            violations.add(new Violation(kamelet.name(), rule, String.format(problem, arguments)));
        }
    }

    /** Tools list kamelets by title and description: two alike cannot be told apart. */
    private static void unique(List<Kamelet> kamelets, List<Violation> violations) {
        Map<String, String> titles = new HashMap<>();
        Map<String, String> descriptions = new HashMap<>();
        for (Kamelet kamelet : kamelets) {
            JsonNode definition = kamelet.yaml().path("spec").path("definition");
            String title = titles.putIfAbsent(definition.path("title").asText(), kamelet.name());
            if (title != null) {
                violations.add(new Violation(kamelet.name(), Rule.UNIQUE, "has the same title as " + title));
            }
            String description = descriptions.putIfAbsent(definition.path("description").asText(), kamelet.name());
            if (description != null) {
                violations.add(new Violation(kamelet.name(), Rule.UNIQUE,
                        "has the same description as " + description));
            }
        }
    }

    /** The catalog ships as one version: a kamelet whose catalog.version differs from most others' is reported. */
    private static void oneCatalogVersion(List<Kamelet> kamelets, List<Violation> violations) {
        Map<String, List<String>> byVersion = new TreeMap<>();
        for (Kamelet kamelet : kamelets) {
            byVersion.computeIfAbsent(catalogVersion(kamelet), version -> new ArrayList<>()).add(kamelet.name());
        }
        String common = byVersion.entrySet().stream().max(Comparator.comparingInt(e -> e.getValue().size()))
                .map(Map.Entry::getKey).orElse("");
        for (Kamelet kamelet : kamelets) {
            if (!catalogVersion(kamelet).equals(common)) {
                violations.add(new Violation(kamelet.name(), Rule.CATALOG_VERSION, "its " + CATALOG_VERSION
                        + " differs from the other kamelets': " + byVersion));
            }
        }
    }

    private static String catalogVersion(Kamelet kamelet) {
        return kamelet.yaml().path("metadata").path("annotations").path(CATALOG_VERSION).asText();
    }

    private static boolean isOfType(JsonNode value, String type) {
        return switch (type) {
            case "string" -> value.isTextual();
            case "integer" -> value.isIntegralNumber();
            case "number" -> value.isNumber();
            case "boolean" -> value.isBoolean();
            case "array" -> value.isArray();
            default -> value.isObject();
        };
    }
}
