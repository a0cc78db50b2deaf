package io.github.camelvelaro.sandbox.contract;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;

/**
 * The provenance markers of an OpenAPI description.
 * <p>
 * A part is a server, path, operation, parameter, response, header, named schema or security scheme; one given by
 * {@code $ref} is checked where it is defined. Each part carries {@code x-source: guide} (Velaro's guide documents it)
 * or {@code x-source: assumed}; {@code x-assumption} (an id or a list of ids) names the entries of docs/assumptions.md
 * it relies on, and an assumed part must name at least one.
 */
final class ApiDescription {

    static final String SOURCE = "x-source";
    static final String ASSUMPTION = "x-assumption";
    static final Set<String> SOURCES = Set.of("guide", "assumed");
    private static final Set<String> METHODS
            = Set.of("get", "put", "post", "delete", "options", "head", "patch", "trace");

    private final JsonNode root;

    ApiDescription(JsonNode root) {
        this.root = root;
    }

    static JsonNode parse(Path file) throws IOException {
        return new YAMLMapper().readTree(file.toFile());
    }

    /** The JSON pointer of every part that must say where it comes from. */
    List<String> parts() {
        List<String> parts = new ArrayList<>();
        for (int i = 0; i < root.path("servers").size(); i++) {
            parts.add("/servers/" + i);
        }
        for (String path : names("/paths")) {
            String item = "/paths/" + escape(path);
            parts.add(item);
            parameters(item + "/parameters", parts);
            for (String method : names(item)) {
                if (METHODS.contains(method)) {
                    String operation = item + "/" + method;
                    parts.add(operation);
                    parameters(operation + "/parameters", parts);
                    for (String status : names(operation + "/responses")) {
                        response(operation + "/responses/" + escape(status), parts);
                    }
                }
            }
        }
        for (String kind : List.of("parameters", "headers", "schemas", "securitySchemes")) {
            for (String name : names("/components/" + kind)) {
                parts.add("/components/" + kind + "/" + escape(name));
            }
        }
        for (String name : names("/components/responses")) {
            response("/components/responses/" + escape(name), parts);
        }
        return parts;
    }

    /**
     * What is wrong with the markers: a part without {@code x-source}, an {@code x-source} (anywhere) that is neither
     * guide nor assumed, an assumed part that names no assumption, an {@code x-assumption} that is not an id or a list
     * of ids.
     */
    List<String> markerProblems() {
        List<String> problems = new ArrayList<>();
        for (String part : parts()) {
            if (!root.at(part).has(SOURCE)) {
                problems.add(part + ": no " + SOURCE + " (guide or assumed)");
            }
        }
        walk(root, "", (pointer, node) -> {
            JsonNode source = node.get(SOURCE);
            if (source != null && !SOURCES.contains(source.asText())) {
                problems.add(pointer + ": " + SOURCE + " is '" + source.asText() + "', not guide or assumed");
            }
            JsonNode named = node.get(ASSUMPTION);
            if (named != null && ids(named) == null) {
                problems.add(pointer + ": " + ASSUMPTION + " must be an id or a list of ids, was " + named);
            }
            if (source != null && source.asText().equals("assumed") && (named == null || ids(named) == null)) {
                problems.add(pointer + ": assumed, but names no " + ASSUMPTION);
            }
        });
        return problems;
    }

    /** Each assumption id an {@code x-assumption} names, with the pointers of the parts that name it. */
    Map<String, List<String>> namedAssumptions() {
        Map<String, List<String>> named = new TreeMap<>();
        walk(root, "", (pointer, node) -> {
            List<String> ids = node.has(ASSUMPTION) ? ids(node.get(ASSUMPTION)) : null;
            if (ids != null) {
                ids.forEach(id -> named.computeIfAbsent(id, k -> new ArrayList<>()).add(pointer));
            }
        });
        return named;
    }

    /** The node at a JSON pointer (missing if there is none). */
    JsonNode at(String pointer) {
        return root.at(pointer);
    }

    private void response(String pointer, List<String> parts) {
        if (root.at(pointer).has("$ref")) {
            return;
        }
        parts.add(pointer);
        for (String header : names(pointer + "/headers")) {
            String h = pointer + "/headers/" + escape(header);
            if (!root.at(h).has("$ref")) {
                parts.add(h);
            }
        }
    }

    private void parameters(String pointer, List<String> parts) {
        JsonNode list = root.at(pointer);
        for (int i = 0; i < list.size(); i++) {
            if (!list.get(i).has("$ref")) {
                parts.add(pointer + "/" + i);
            }
        }
    }

    private List<String> names(String pointer) {
        List<String> names = new ArrayList<>();
        root.at(pointer).fieldNames().forEachRemaining(names::add);
        return names;
    }

    /** The ids of an x-assumption value, or null when it is not a non-blank id or a non-empty list of them. */
    private static List<String> ids(JsonNode value) {
        List<String> ids = new ArrayList<>();
        if (value.isTextual()) {
            ids.add(value.asText());
        } else if (value.isArray()) {
            value.forEach(v -> ids.add(v.isTextual() ? v.asText() : ""));
        }
        return ids.isEmpty() || ids.stream().anyMatch(String::isBlank) ? null : ids;
    }

    private static void walk(JsonNode node, String pointer, NodeVisitor visitor) {
        if (node.isObject()) {
            visitor.visit(pointer.isEmpty() ? "/" : pointer, node);
            for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext();) {
                Map.Entry<String, JsonNode> field = it.next();
                walk(field.getValue(), pointer + "/" + escape(field.getKey()), visitor);
            }
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                walk(node.get(i), pointer + "/" + i, visitor);
            }
        }
    }

    private static String escape(String key) {
        return key.replace("~", "~0").replace("/", "~1");
    }

    @FunctionalInterface
    private interface NodeVisitor {
        void visit(String pointer, JsonNode node);
    }
}
