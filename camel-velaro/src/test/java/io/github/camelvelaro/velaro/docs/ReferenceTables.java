package io.github.camelvelaro.velaro.docs;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Renders the options and headers tables of docs/reference.md from the velaro.json that camel-component-maven-plugin
 * generates from the annotated sources, so the reference cannot drift from the code.
 */
public final class ReferenceTables {

    static final String JSON = "META-INF/io/github/camelvelaro/velaro/velaro.json";

    private final JsonNode root;

    private ReferenceTables(JsonNode root) {
        this.root = root;
    }

    public static ReferenceTables load() throws IOException {
        try (InputStream in = ReferenceTables.class.getClassLoader().getResourceAsStream(JSON)) {
            if (in == null) {
                throw new IllegalStateException(JSON + " is not on the class path: build the component first");
            }
            return new ReferenceTables(new ObjectMapper().readTree(in));
        }
    }

    /** The generated blocks, by marker name. */
    public Map<String, String> blocks() {
        Map<String, String> blocks = new LinkedHashMap<>();
        blocks.put("component-options", options(root.get("componentProperties")));
        blocks.put("endpoint-options", options(root.get("properties")));
        blocks.put("headers", headers(root.get("headers")));
        return blocks;
    }

    /** Options and headers whose description is missing (the plugin should already refuse them). */
    public List<String> undocumented() {
        List<String> missing = new ArrayList<>();
        for (String section : new String[] { "componentProperties", "properties", "headers" }) {
            root.get(section).fields().forEachRemaining(e -> {
                if (e.getValue().path("description").asText().isBlank()) {
                    missing.add(section + "." + e.getKey());
                }
            });
        }
        return missing;
    }

    private static String options(JsonNode properties) {
        StringBuilder sb = new StringBuilder();
        sb.append("| name | group | type | default | description |\n");
        sb.append("|---|---|---|---|---|\n");
        for (Iterator<Map.Entry<String, JsonNode>> it = properties.fields(); it.hasNext();) {
            Map.Entry<String, JsonNode> e = it.next();
            JsonNode p = e.getValue();
            String name = "`" + e.getKey() + "`" + (p.path("required").asBoolean() ? " (required)" : "")
                          + (p.path("secret").asBoolean() ? " (secret)" : "");
            String type = p.path("type").asText();
            if (p.has("enum")) {
                List<String> values = new ArrayList<>();
                p.get("enum").forEach(v -> values.add(v.asText()));
                type = type + ": " + String.join(", ", values);
            }
            sb.append("| ").append(name)
                    .append(" | ").append(p.path("group").asText())
                    .append(" | ").append(cell(type))
                    .append(" | ").append(p.has("defaultValue") ? "`" + p.get("defaultValue").asText() + "`" : "")
                    .append(" | ").append(cell(p.path("description").asText()))
                    .append(" |\n");
        }
        return sb.toString();
    }

    private static String headers(JsonNode headers) {
        StringBuilder sb = new StringBuilder();
        sb.append("| header | direction | type | description |\n");
        sb.append("|---|---|---|---|\n");
        for (Iterator<Map.Entry<String, JsonNode>> it = headers.fields(); it.hasNext();) {
            Map.Entry<String, JsonNode> e = it.next();
            JsonNode h = e.getValue();
            String label = h.path("label").asText();
            String direction = label.isEmpty() ? "producer, consumer" : label;
            sb.append("| `").append(e.getKey()).append("` | ").append(direction)
                    .append(" | `").append(h.path("javaType").asText()).append("` | ")
                    .append(cell(h.path("description").asText())).append(" |\n");
        }
        return sb.toString();
    }

    private static String cell(String text) {
        return text.replace("|", "\\|").replace("\n", " ");
    }
}
